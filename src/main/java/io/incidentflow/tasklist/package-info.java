/**
 * What Tasklist shows people: task priority, due date and incident labels set on every user task by an engine
 * plugin, and a Tasklist filter per group. Reads the process variables of incident, major incident and continuity;
 * no feature depends on it (only processstate and demo, above it).
 */
package io.incidentflow.tasklist;
