/**
 * Post-incident reviews filed when an incident closes. Builds on incident and incident.process; nothing below
 * depends on it.
 */
package io.incidentflow.incident.review;
