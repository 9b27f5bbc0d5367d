package io.incidentflow.continuity;

import static io.incidentflow.engine.ProcessVariable.booleanVariable;
import static io.incidentflow.engine.ProcessVariable.dateVariable;
import static io.incidentflow.engine.ProcessVariable.numberVariable;
import static io.incidentflow.engine.ProcessVariable.stringListVariable;
import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code processes/service-continuity.bpmn} and of the DR readiness processes, each
 * declared once with its type. The first block is the call contract of service continuity.
 */
public final class ContinuityVariables {

    // Call contract: set by the caller (Tier 2 call activity, API, Tasklist start form)
    /** Optional: the incident continuity is invoked for; absent for direct invocations. */
    public static final ProcessVariable<String> INCIDENT_ID = stringVariable("incidentId").control();
    /** Ids of the affected catalog services. */
    public static final ProcessVariable<List<String>> SERVICE_IDS = stringListVariable("serviceIds");
    public static final ProcessVariable<String> INVOCATION_REASON = stringVariable("invocationReason");
    /** Output: {@link #OUTCOME_DECLINED}, {@link #OUTCOME_ABANDONED} or {@link #OUTCOME_COMPLETED}. */
    public static final ProcessVariable<String> CONTINUITY_OUTCOME = stringVariable("continuityOutcome");
    public static final String OUTCOME_DECLINED = "declined";
    public static final String OUTCOME_COMPLETED = "completed";
    /** The failover could not be completed and was given up; crisis management took over. */
    public static final String OUTCOME_ABANDONED = "abandoned";
    /**
     * Optional: when the invocation was decided (Tier 2's continuity decision); the RTO counts from here. Absent
     * for direct invocations, whose RTO counts from the start.
     */
    public static final ProcessVariable<Date> INVOCATION_DECIDED_AT = dateVariable("invocationDecidedAt");
    /** The call contract as lists: the element template "Invoke service continuity" binds exactly these. */
    public static final List<ProcessVariable<?>> CALL_INPUTS = List.of(INCIDENT_ID, SERVICE_IDS, INVOCATION_REASON);
    public static final List<ProcessVariable<?>> CALL_OUTPUTS = List.of(CONTINUITY_OUTCOME);

    // The Tasklist start form names the services in one text field, separated by commas
    public static final ProcessVariable<String> AFFECTED_SERVICES = stringVariable("affectedServices");

    // Registered and assessed
    /** The business key: the incident id when called for an incident, else e.g. DR-000001. */
    public static final ProcessVariable<String> INVOCATION_ID = stringVariable("invocationId");
    public static final ProcessVariable<String> RECOVERY_ASSESSMENT = stringVariable("recoveryAssessment");
    public static final ProcessVariable<String> APPROVAL_DECISION = stringVariable("approvalDecision");
    public static final ProcessVariable<String> APPROVAL_COMMENT = stringVariable("approvalComment");
    /** When the approval is overdue and crisis management is paged; Tasklist shows it as the task's due date. */
    public static final ProcessVariable<Date> APPROVAL_DUE_AT = dateVariable("approvalDueAt");
    /** The Camunda group paged for crisis management (incidentflow.continuity.crisis-team). */
    public static final ProcessVariable<String> CRISIS_GROUP = stringVariable("crisisGroup");
    /** Why the failover was given up: the DR team's words, or the failed attempts. */
    public static final ProcessVariable<String> ABANDON_REASON = stringVariable("abandonReason");

    // One affected service (local to its instance of "Recover service")
    public static final ProcessVariable<String> SERVICE_ID = stringVariable("serviceId");
    public static final ProcessVariable<String> SERVICE_NAME = stringVariable("serviceName");
    public static final ProcessVariable<String> RESOLVER_GROUP = stringVariable("resolverGroup");
    public static final ProcessVariable<String> RECOVERY_PLAN = stringVariable("recoveryPlan");
    public static final ProcessVariable<Date> RTO_DUE_AT = dateVariable("rtoDueAt");
    /** The DR team's answer on the failover form: {@link #FAILOVER_DONE} or {@link #FAILOVER_ABANDON}. */
    public static final ProcessVariable<String> FAILOVER_OUTCOME = stringVariable("failoverOutcome");
    public static final String FAILOVER_DONE = "done";
    public static final String FAILOVER_ABANDON = "abandon";
    public static final ProcessVariable<String> VERIFICATION_NOTES = stringVariable("verificationNotes");
    /** How often the service was found not working at the recovery site. */
    public static final ProcessVariable<Number> FAILED_FAILOVERS = numberVariable("failedFailovers");
    /** False once the failed failovers reach incidentflow.continuity.max-failed-failovers. */
    public static final ProcessVariable<Boolean> FAILOVER_ATTEMPTS_LEFT = booleanVariable("failoverAttemptsLeft");

    // Restoration, failback and review
    public static final ProcessVariable<String> RESTORATION_MESSAGE = stringVariable("restorationMessage");
    public static final ProcessVariable<String> FAILBACK_WINDOW_START = stringVariable("failbackWindowStart");
    public static final ProcessVariable<Date> FAILBACK_AT = dateVariable("failbackAt");
    public static final ProcessVariable<String> LESSONS_LEARNED = stringVariable("lessonsLearned");

    // DR readiness: one DR test scheduling per service
    public static final ProcessVariable<String> BUSINESS_OWNER = stringVariable("businessOwner");
    public static final ProcessVariable<String> LAST_DR_TEST = stringVariable("lastDrTest");
    public static final ProcessVariable<String> DR_TEST_PLANNED_FOR = stringVariable("drTestPlannedFor");

    /** The invocation a step of service continuity works on. */
    public static Invocation invocation(VariableScope scope) {
        return new Invocation(INVOCATION_ID.get(scope), INCIDENT_ID.find(scope).orElse(null), SERVICE_IDS.get(scope),
                INVOCATION_REASON.get(scope));
    }

    private ContinuityVariables() {
    }
}
