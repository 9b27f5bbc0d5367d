package io.incidentflow.continuity;

/** Names in {@code processes/service-continuity.bpmn}, {@code dr-readiness.bpmn} and {@code dr-test-scheduling.bpmn} that code relies on. */
public final class ContinuityModel {

    public static final String PROCESS_KEY = "service-continuity";
    public static final String READINESS_PROCESS_KEY = "dr-readiness";
    public static final String DR_TEST_PROCESS_KEY = "dr-test-scheduling";
    public static final String DECISION_RECOVERY_STRATEGY = "recovery-strategy";

    public static final String TASK_APPROVE_INVOCATION = "Task_ApproveInvocation";
    public static final String TASK_EXECUTE_FAILOVER = "Task_ExecuteFailover";
    public static final String TASK_VERIFY_RECOVERY = "Task_VerifyRecovery";
    public static final String TASK_COMMUNICATE_RESTORATION = "Task_CommunicateRestoration";
    public static final String TASK_PLAN_FAILBACK = "Task_PlanFailback";
    public static final String TASK_EXECUTE_FAILBACK = "Task_ExecuteFailback";
    public static final String TASK_VERIFY_FAILBACK = "Task_VerifyFailback";
    public static final String TASK_POST_DR_REVIEW = "Task_PostDrReview";
    public static final String TASK_SCHEDULE_DR_TEST = "Task_ScheduleDrTest";

    public static final String TASK_PAGE_CONTINUITY_MANAGERS = "Task_PageContinuityManagers";
    public static final String TASK_PAGE_CRISIS_APPROVAL_OVERDUE = "Task_PageCrisisApprovalOverdue";
    public static final String TASK_PAGE_CRISIS_TEAM = "Task_PageCrisisTeam";
    public static final String TASK_PAGE_DR_TEAM = "Task_PageDrTeam";
    public static final String TASK_PAGE_RESOLVER_GROUP = "Task_PageResolverGroup";
    public static final String TASK_PAGE_CRISIS_RTO_BREACH = "Task_PageCrisisRtoBreach";
    public static final String TASK_PAGE_CRISIS_ABANDONED = "Task_PageCrisisAbandoned";

    public static final String EVENT_APPROVAL_OVERDUE = "Event_ApprovalOverdue";
    public static final String EVENT_RTO_EXCEEDED = "Event_RtoExceeded";
    public static final String EVENT_FAILBACK_WINDOW = "Event_FailbackWindow";
    public static final String EVENT_DAILY_READINESS_CHECK = "Event_DailyReadinessCheck";

    /** Business key of the one DR test scheduling a service may have open at a time. */
    public static String drTestKey(String serviceId) {
        return "DRTEST-" + serviceId;
    }

    private ContinuityModel() {
    }
}
