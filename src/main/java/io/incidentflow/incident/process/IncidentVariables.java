package io.incidentflow.incident.process;

import static io.incidentflow.engine.ProcessVariable.booleanVariable;
import static io.incidentflow.engine.ProcessVariable.dateVariable;
import static io.incidentflow.engine.ProcessVariable.mapVariable;
import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** The variables of {@code processes/incident.bpmn}, each declared once with its type. */
public final class IncidentVariables {

    // Logged (start form, API, monitoring)
    public static final ProcessVariable<String> INCIDENT_ID = stringVariable("incidentId").control();
    public static final ProcessVariable<String> SOURCE = stringVariable("source");
    public static final ProcessVariable<String> TITLE = stringVariable("title");
    public static final ProcessVariable<String> DESCRIPTION = stringVariable("description");
    public static final ProcessVariable<String> CALLER = stringVariable("caller");
    public static final ProcessVariable<Boolean> VIP_CALLER = booleanVariable("vipCaller");
    public static final ProcessVariable<String> SERVICE_ID = stringVariable("serviceId");
    public static final ProcessVariable<String> CATEGORY = stringVariable("category");
    public static final ProcessVariable<String> IMPACT = stringVariable("impact");
    public static final ProcessVariable<String> URGENCY = stringVariable("urgency");

    // Categorized: from the service catalog
    public static final ProcessVariable<String> SERVICE_NAME = stringVariable("serviceName");
    public static final ProcessVariable<String> SERVICE_CRITICALITY = stringVariable("serviceCriticality");
    public static final ProcessVariable<String> CONTINUITY_TIER = stringVariable("continuityTier");
    public static final ProcessVariable<String> RESOLVER_GROUP = stringVariable("resolverGroup");
    public static final ProcessVariable<String> VENDOR_CONTACT = stringVariable("vendorContact");

    // Prioritized: decision results and the SLA clocks
    public static final ProcessVariable<Map<String, Object>> PRIORITY_DECISION = mapVariable("priorityDecision");
    public static final ProcessVariable<String> PRIORITY = stringVariable("priority");
    public static final ProcessVariable<Date> RESPONSE_WARNING_AT = dateVariable("responseWarningAt");
    public static final ProcessVariable<Date> RESPONSE_DUE_AT = dateVariable("responseDueAt");
    public static final ProcessVariable<Date> RESOLUTION_WARNING_AT = dateVariable("resolutionWarningAt");
    public static final ProcessVariable<Date> RESOLUTION_DUE_AT = dateVariable("resolutionDueAt");
    public static final ProcessVariable<Boolean> RESPONDED = booleanVariable("responded");
    public static final ProcessVariable<Map<String, Object>> MAJOR_ASSESSMENT = mapVariable("majorAssessment");
    /** Whether a critical monitoring event on the service started it (the criteria DMN then hands it to triage). */
    public static final ProcessVariable<Boolean> CRITICAL_EVENT = booleanVariable("criticalEvent");

    // Major incident management (Tier 2)
    public static final ProcessVariable<String> MAJOR_REASON = stringVariable("majorReason");
    /** Who declared it major and why, sent with the declaration message. */
    public static final ProcessVariable<String> DECLARED_REASON = stringVariable("declaredReason");
    /** The level the restoration was at (set as each level starts), where it resumes when triage sends it back. */
    public static final ProcessVariable<String> RESTORATION_STEP = stringVariable("restorationStep");
    /** When the resolution breach escalates: the due date, or a resolution target after triage sent it back. */
    public static final ProcessVariable<Date> RESOLUTION_ESCALATION_AT = dateVariable("resolutionEscalationAt");
    /** Whether functional escalation pages the resolver group (incidentflow.incident.paged-priorities). */
    public static final ProcessVariable<Boolean> RESOLVER_GROUP_PAGED = booleanVariable("resolverGroupPaged");
    /** ISO-8601 durations of a caller or vendor hold before the reminder and the escalation. */
    public static final ProcessVariable<String> HOLD_REMINDER_AFTER = stringVariable("holdReminderAfter");
    public static final ProcessVariable<String> HOLD_ESCALATION_AFTER = stringVariable("holdEscalationAfter");

    // Worked in Tasklist
    public static final ProcessVariable<String> DIAGNOSIS_OUTCOME = stringVariable("diagnosisOutcome");
    public static final ProcessVariable<String> ESCALATION_OUTCOME = stringVariable("escalationOutcome");
    /** The resolver group or level-3 group a functional escalation is handed over to. */
    public static final ProcessVariable<String> HAND_OVER_GROUP = stringVariable("handOverGroup");
    public static final ProcessVariable<String> VENDOR_REFERENCE = stringVariable("vendorReference");
    public static final ProcessVariable<String> RESOLUTION_TYPE = stringVariable("resolutionType");
    public static final ProcessVariable<String> RESOLUTION_NOTES = stringVariable("resolutionNotes");
    public static final ProcessVariable<String> CALLER_ANSWER = stringVariable("callerAnswer");
    public static final ProcessVariable<String> CALLER_COMMENT = stringVariable("callerComment");
    public static final ProcessVariable<String> CLOSURE_WAIT = stringVariable("closureWait");
    public static final ProcessVariable<String> REVIEW_CAUSE = stringVariable("reviewCause");
    public static final ProcessVariable<String> REVIEW_CONTRIBUTING_FACTORS = stringVariable("reviewContributingFactors");
    public static final ProcessVariable<String> REVIEW_ACTIONS = stringVariable("reviewActions");

    // Input parameters of individual steps (camunda:inputParameter)
    public static final ProcessVariable<String> SLA_CLOCK = stringVariable("slaClock");
    public static final ProcessVariable<String> HOLD_REASON = stringVariable("holdReason");
    public static final ProcessVariable<String> ESCALATION_REASON = stringVariable("escalationReason");
    public static final ProcessVariable<String> CLOSURE = stringVariable("closure");
    public static final ProcessVariable<String> REVIEW_KIND = stringVariable("reviewKind");
    public static final ProcessVariable<String> TIMELINE_EVENT = stringVariable("timelineEvent");
    public static final ProcessVariable<String> TIMELINE_DETAIL = stringVariable("timelineDetail");
    /** Codes of {@link io.incidentflow.notify.Audience} and {@link io.incidentflow.notify.NotificationEvent}. */
    public static final ProcessVariable<String> AUDIENCE = stringVariable("audience");
    public static final ProcessVariable<String> NOTIFICATION_EVENT = stringVariable("notificationEvent");

    /** The due-date variables the SLA timers are bound to; they move when the clock pauses. */
    public static final List<ProcessVariable<Date>> SLA_DATES = List.of(RESPONSE_WARNING_AT, RESPONSE_DUE_AT,
            RESOLUTION_WARNING_AT, RESOLUTION_DUE_AT, RESOLUTION_ESCALATION_AT);

    /** Answers of one round of diagnosis and confirmation, and its level, cleared when the incident reopens. */
    public static final List<ProcessVariable<String>> ROUND_ANSWERS = List.of(DIAGNOSIS_OUTCOME, ESCALATION_OUTCOME,
            HAND_OVER_GROUP, RESOLUTION_TYPE, RESOLUTION_NOTES, CALLER_ANSWER, RESTORATION_STEP);

    private IncidentVariables() {
    }
}
