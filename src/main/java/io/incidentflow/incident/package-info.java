/**
 * Incidents and their timeline: the incident record, priority, SLA clocks, states, the incident API and the
 * notifications and pages it triggers. Must not depend on its process side (incident.process), which implements
 * the IncidentIntake port, nor on major incidents, continuity or ingest above it.
 */
package io.incidentflow.incident;
