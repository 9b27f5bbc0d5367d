package io.incidentflow.incident.process;

import java.util.List;

/** Names in {@code processes/incident.bpmn} that code relies on. */
public final class IncidentModel {

    public static final String PROCESS_KEY = "incident";

    public static final String TASK_INITIAL_DIAGNOSIS = "Task_InitialDiagnosis";
    public static final String TASK_AWAIT_CALLER = "Task_AwaitCaller";
    public static final String TASK_FUNCTIONAL_ESCALATION = "Task_FunctionalEscalation";
    public static final String TASK_AWAIT_VENDOR = "Task_AwaitVendor";
    public static final String TASK_CONFIRM_WITH_CALLER = "Task_ConfirmWithCaller";
    public static final String TASK_POST_INCIDENT_REVIEW = "Task_PostIncidentReview";

    public static final String EVENT_RESPONSE_WARNING = "Event_ResponseWarning";
    public static final String EVENT_RESPONSE_BREACHED = "Event_ResponseBreached";
    public static final String EVENT_RESOLUTION_WARNING = "Event_ResolutionWarning";
    public static final String EVENT_RESOLUTION_BREACHED = "Event_ResolutionBreached";
    public static final String EVENT_NO_CALLER_ANSWER = "Event_NoCallerAnswer";
    public static final String TASK_MAJOR_INCIDENT = "Task_MajorIncident";

    /** A person declares the incident major (POST /api/incidents/{id}/major). */
    public static final String MESSAGE_MAJOR_INCIDENT_DECLARED = "MajorIncidentDeclared";
    /** A critical monitoring event on a mission-critical service: logged and handed straight to triage. */
    public static final String MESSAGE_CRITICAL_EVENT_RECEIVED = "CriticalEventReceived";

    /**
     * The timers that keep waiting while the incident is on hold, so they pause and move with the SLA
     * clock. The response timers need no such care: putting an incident on hold means leaving the diagnosis
     * task they hang on, and they are created anew, from the moved due dates, when work resumes.
     */
    public static final List<String> TIMERS_RUNNING_WHILE_ON_HOLD =
            List.of(EVENT_RESOLUTION_WARNING, EVENT_RESOLUTION_BREACHED);

    private IncidentModel() {
    }
}
