/**
 * Problem records that follow an incident: root cause, permanent fix and reminders (problem-follow-up.bpmn).
 * Builds on incident and incident.process; nothing below depends on it.
 */
package io.incidentflow.incident.problem;
