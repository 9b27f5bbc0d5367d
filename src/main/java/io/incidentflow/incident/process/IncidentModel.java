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
    public static final String EVENT_CALLER_HOLD_REMINDER_DUE = "Event_CallerHoldReminderDue";
    public static final String EVENT_CALLER_HOLD_ESCALATION_DUE = "Event_CallerHoldEscalationDue";
    public static final String EVENT_VENDOR_HOLD_REMINDER_DUE = "Event_VendorHoldReminderDue";
    public static final String EVENT_VENDOR_HOLD_ESCALATION_DUE = "Event_VendorHoldEscalationDue";

    // Pages (asynchronous call activities of page-responder.bpmn), by who is paged
    public static final String TASK_PAGE_RESOLVER_GROUP = "Task_PageResolverGroup";
    public static final String TASK_PAGE_SERVICE_DESK_LEAD = "Task_PageServiceDeskLead";
    public static final String TASK_PAGE_SERVICE_DESK_LEAD_ON_BREACH = "Task_PageServiceDeskLeadOnBreach";
    public static final String TASK_PAGE_RESOLVER_LEAD = "Task_PageResolverLead";
    public static final String TASK_PAGE_RESOLVER_LEAD_ON_BREACH = "Task_PageResolverLeadOnBreach";
    public static final String TASK_PAGE_CALLER_HOLD_REMINDER = "Task_PageCallerHoldReminder";
    public static final String TASK_PAGE_CALLER_HOLD_LEAD = "Task_PageCallerHoldLead";
    public static final String TASK_PAGE_VENDOR_HOLD_REMINDER = "Task_PageVendorHoldReminder";
    public static final String TASK_PAGE_VENDOR_HOLD_LEAD = "Task_PageVendorHoldLead";
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
