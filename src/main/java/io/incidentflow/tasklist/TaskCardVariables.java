package io.incidentflow.tasklist;

import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;

/**
 * Task-local variables that {@link IncidentTaskListener} sets on every user task of an incident, so that each
 * Tasklist card shows which incident it belongs to, whatever tier's process it comes from: Tier 3 instances
 * carry only the incident id, not its title or priority. No form asks for them, so the process state guard
 * treats them as control variables nobody writes.
 */
public final class TaskCardVariables {

    public static final ProcessVariable<String> INCIDENT_TITLE = stringVariable("incidentTitle");
    /** The incident priority as people say it, e.g. "P1" (the task priority itself is a number). */
    public static final ProcessVariable<String> INCIDENT_PRIORITY = stringVariable("incidentPriority");

    private TaskCardVariables() {
    }
}
