package io.incidentflow.common;

/**
 * What a line of an incident's timeline says happened: the {@code type} of {@code GET /api/incidents/{id}/timeline}
 * and of the CSV export, stored under its name. In {@code common} because pages ({@code notify.page}) and the
 * incident features write lines too, and neither should depend on the other for a code. Models may record
 * their own codes of the same form through element template "Record timeline event"; the models shipped here
 * use only these ({@code TimelineEventTypeTest} reads them).
 */
public enum TimelineEventType {
    // Tier 1: an incident's life
    LOGGED,
    CATEGORIZED,
    PRIORITIZED,
    RESPONDED,
    SLA_WARNING,
    SLA_BREACHED,
    HANDED_OVER,
    ON_HOLD,
    HOLD_REMINDER,
    HOLD_ESCALATED,
    RESUMED,
    ESCALATION_RESCHEDULED,
    RESOLVED,
    REOPENED,
    CLOSED,
    REVIEWED,
    PROBLEM_OPENED,
    PROBLEM_FIXED,
    MONITORING_EVENT,
    MONITORING_ACKNOWLEDGED,
    MONITORING_RECOVERED,
    // Pages
    PAGED,
    PAGE_ACKNOWLEDGED,
    PAGE_UNACKNOWLEDGED,
    // Tier 2: major incident
    ESCALATED_TO_MAJOR,
    TRIAGE_OPENED,
    MAJOR_ACTIVATED,
    MAJOR_DEACTIVATED,
    MAJOR_ROLES,
    BRIDGES_OPENED,
    BRIDGE_JOINED,
    HYPOTHESIS_PROPOSED,
    EXPERIMENT_DONE,
    STAKEHOLDER_UPDATE,
    TIME_BOX_EXTENDED,
    CONTINUITY_DECISION_OPENED,
    CONTINUITY_DECISION_OVERDUE,
    RESTORED,
    // Tier 3: service continuity
    CONTINUITY_INVOKED,
    CONTINUITY_DECLINED,
    CONTINUITY_APPROVED,
    CONTINUITY_APPROVAL_OVERDUE,
    FAILOVER_FAILED,
    RTO_EXCEEDED,
    CONTINUITY_RECOVERY_VERIFIED,
    CONTINUITY_ABANDONED,
    RESTORED_AT_RECOVERY_SITE,
    FAILBACK_PLANNED,
    DR_REVIEWED,
    CONTINUITY_ENDED
}
