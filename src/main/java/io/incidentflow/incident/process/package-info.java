/**
 * The incident process (incident.bpmn): its typed variables and the thin delegates and listeners that call
 * IncidentService. Depends on incident and lower packages; nothing in incident depends on it.
 */
package io.incidentflow.incident.process;
