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

    /** Someone proposes a hypothesis: a new experiment runs beside the others. */
    public static final String MESSAGE_HYPOTHESIS_PROPOSED = "HypothesisProposed";
    /** Monitoring reports the service healthy again; a person confirms before the case ends. */
    public static final String MESSAGE_MONITORING_RECOVERED = "MonitoringRecovered";

    private MajorIncidentModel() {
    }
}
