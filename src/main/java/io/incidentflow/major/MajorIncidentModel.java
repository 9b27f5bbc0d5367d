package io.incidentflow.major;

/** Names in {@code processes/major-incident.bpmn} and {@code processes/propose-hypothesis.bpmn} that code relies on. */
public final class MajorIncidentModel {

    public static final String PROCESS_KEY = "major-incident";
    public static final String PROPOSE_HYPOTHESIS_PROCESS_KEY = "propose-hypothesis";

    public static final String TASK_SITUATIONAL_ANALYSIS = "Task_SituationalAnalysis";
    public static final String EVENT_TRIAGE_TIME_BOX_EXPIRED = "Event_TriageTimeBoxExpired";
    public static final String TASK_ASSIGN_ROLES = "Task_AssignRoles";
    public static final String TASK_RESTORE_SERVICE = "Task_RestoreService";
    public static final String TASK_RUN_EXPERIMENT = "Task_RunExperiment";
    public static final String EVENT_STAKEHOLDER_UPDATE_DUE = "Event_StakeholderUpdateDue";
    public static final String TASK_WRITE_STAKEHOLDER_UPDATE = "Task_WriteStakeholderUpdate";
    public static final String TASK_CONFIRM_RECOVERY = "Task_ConfirmRecovery";
    public static final String EVENT_TIME_BOX_EXPIRED = "Event_TimeBoxExpired";
    public static final String EVENT_EXTENDED_TIME_BOX_EXPIRED = "Event_ExtendedTimeBoxExpired";
    public static final String TASK_DECIDE_ON_CONTINUITY = "Task_DecideOnContinuity";
    public static final String TASK_POST_MORTEM = "Task_PostMortem";
    public static final String TASK_PAGE_MAJOR_INCIDENT_MANAGERS = "Task_PageMajorIncidentManagers";
    public static final String TASK_PAGE_CONTINUITY_MANAGERS = "Task_PageContinuityManagers";
    public static final String EVENT_DECISION_OVERDUE = "Event_DecisionOverdue";
    public static final String TASK_PAGE_CRISIS_MANAGEMENT = "Task_PageCrisisManagement";
    public static final String GATEWAY_AWAIT_CONTINUITY = "Gateway_AwaitContinuity";

    /** Someone proposes a hypothesis: a new experiment runs beside the others. */
    public static final String MESSAGE_HYPOTHESIS_PROPOSED = "HypothesisProposed";
    /** Monitoring reports the service healthy again; a person confirms before the case ends. */
    public static final String MESSAGE_MONITORING_RECOVERED = "MonitoringRecovered";
    /** Service continuity, invoked by the case, verified the service at the recovery site: it is restored. */
    public static final String MESSAGE_CONTINUITY_RECOVERY_VERIFIED = "ContinuityRecoveryVerified";
    /** Service continuity, invoked by the case, was declined or abandoned: the continuity manager decides again. */
    public static final String MESSAGE_CONTINUITY_ENDED_WITHOUT_RECOVERY = "ContinuityEndedWithoutRecovery";

    private MajorIncidentModel() {
    }
}
