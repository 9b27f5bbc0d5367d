package io.incidentflow.major;

import static io.incidentflow.continuity.ContinuityModel.*;
import static io.incidentflow.incident.process.IncidentModel.TASK_CONFIRM_WITH_CALLER;
import static io.incidentflow.incident.process.IncidentModel.TASK_MAJOR_INCIDENT;
import static io.incidentflow.major.MajorIncidentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.continuity.ContinuityDriver;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.ResolutionType;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.page.PageDriver;
import io.incidentflow.notify.page.PageService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The three tiers run together through the real models: Tier 1 hands over to Tier 2, Tier 2 invokes Tier 3 as
 * an instance of its own and hears from it by message. Each tier's own tests simulate the other side; these
 * check that both sides agree.
 */
@IncidentFlowTest
class TiersEndToEndProcessTest {

    static final String COMMANDER = "ic-tiers-test";
    static final String COMMS = "comms-tiers-test";

    @RegisterExtension final EngineClockExtension clock =
            EngineClockExtension.startingAt(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired IncidentDriver driver;
    @Autowired ContinuityDriver continuity;
    @Autowired PageDriver pages;
    @Autowired PageService pageService;
    @Autowired IncidentService incidents;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @Test
    void failoverVerifiedRestoresTheIncidentOnceAndServiceContinuityRunsToItsEnd() {
        String id = majorIncidentWithServiceContinuityApproved();
        ProcessInstance tier3 = continuity.instance(id);
        continuity.complete(id, TASK_EXECUTE_FAILOVER, "payments", Map.of("failoverNotes", "Switched DNS to standby"));
        clock.advance(Duration.ofMinutes(10));
        Instant verifiedAt = clock.now();

        continuity.complete(id, TASK_VERIFY_RECOVERY, "payments", Map.of("recoveryVerification", "verified"));

        Incident restored = driver.incident(id);
        assertThat(restored.getState()).isEqualTo(IncidentState.RESOLVED);
        assertThat(restored.getResolvedAt()).isEqualTo(verifiedAt);
        assertThat(restored.getResolutionType()).isEqualTo(ResolutionType.WORKAROUND);
        assertThat(restored.getTier()).as("the DR invocation shows while it runs").isEqualTo(IncidentTier.CONTINUITY);
        assertThat(driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_RESTORE_SERVICE)).isEmpty();
        assertThat(stakeholderUpdateTimers(id)).as("stakeholder updates stop at restoration").isZero();
        // the caller confirms and the post-mortem is filed while the services still run at the recovery site
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, TASK_CONFIRM_WITH_CALLER),
                Map.of("callerAnswer", "restored"));
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, TASK_POST_MORTEM),
                Map.of("reviewCause", "Storage controller firmware", "reviewActions", "Patch the firmware"));
        assertThat(driver.instance(id)).as("Tier 1 closed the incident").isNull();
        assertThat(driver.incident(id).getState()).isEqualTo(IncidentState.CLOSED);
        assertThat(driver.incident(id).getTier()).isEqualTo(IncidentTier.CONTINUITY);

        clock.advance(Duration.ofMinutes(30));
        runFailbackAndReview(id);

        assertThat(tier3).isEnded().hasPassedInOrder("Event_ServiceRecovered", TASK_PLAN_FAILBACK,
                TASK_EXECUTE_FAILBACK, TASK_VERIFY_FAILBACK, TASK_POST_DR_REVIEW, "Task_UpdateDrPlans",
                "Event_ContinuityCompleted").variables().containsEntry("continuityOutcome", "completed");
        assertThat(restorations(id)).hasSize(1);
        assertThat(driver.incident(id).getResolvedAt()).isEqualTo(verifiedAt);
        assertThat(driver.incident(id).getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(driver.incident(id).getState()).isEqualTo(IncidentState.CLOSED);
    }

    @Test
    void restoredByHandDuringFailoverAndServiceContinuityStillRunsToItsEnd() {
        String id = majorIncidentWithServiceContinuityApproved();
        ProcessInstance tier3 = continuity.instance(id);

        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, TASK_RESTORE_SERVICE),
                Map.of("resolutionType", "fix", "resolutionNotes", "Primary site power back"));
        Instant restoredAt = driver.incident(id).getResolvedAt();
        assertThat(restoredAt).isEqualTo(clock.now());
        assertThat(tier3).as("failover goes on").isWaitingAt(TASK_EXECUTE_FAILOVER);

        clock.advance(Duration.ofMinutes(20));
        continuity.recover(id, "payments");
        runFailbackAndReview(id);

        assertThat(tier3).isEnded().hasPassedInOrder(TASK_VERIFY_RECOVERY, TASK_PLAN_FAILBACK, TASK_EXECUTE_FAILBACK,
                TASK_POST_DR_REVIEW, "Task_UpdateDrPlans", "Event_ContinuityCompleted");
        Incident incident = driver.incident(id);
        assertThat(restorations(id)).hasSize(1);
        assertThat(incident.getResolvedAt()).isEqualTo(restoredAt);
        assertThat(incident.getResolutionType()).isEqualTo(ResolutionType.FIX);
        assertThat(incident.getTier()).isEqualTo(IncidentTier.MAJOR);
    }

    @Test
    void declinedInServiceContinuityAsksTheMajorIncidentToDecideAgain() {
        String id = majorIncidentWithServiceContinuityInvoked();
        ProcessInstance tier3 = continuity.instance(id);

        continuity.complete(id, TASK_APPROVE_INVOCATION, Map.of("approvalDecision", "decline",
                "approvalComment", "Primary site back within the hour"));

        assertThat(tier3).isEnded().hasPassed("Event_InvocationDeclined");
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY, TASK_RESTORE_SERVICE)
                .hasPassed("Event_ContinuityEndedWithoutRecovery");
        assertThat(driver.incident(id).getState()).isNotEqualTo(IncidentState.RESOLVED);
        assertThat(driver.incident(id).getTier()).isEqualTo(IncidentTier.MAJOR);
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** A P1 payments incident through Tier 1 triage into an active case whose time box expired. */
    private String majorIncidentWithServiceContinuityInvoked() {
        TestUsers.ensure(identity, COMMANDER);
        TestUsers.ensure(identity, COMMS);
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        assertThat(driver.instance(id)).isWaitingAt(TASK_MAJOR_INCIDENT);
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, TASK_SITUATIONAL_ANALYSIS),
                Map.of("triageDecision", "activate", "triageNotes", "Checkout down everywhere"));
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, TASK_ASSIGN_ROLES),
                Map.of("incidentCommander", COMMANDER, "communicationsLead", COMMS));
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, TASK_DECIDE_ON_CONTINUITY),
                Map.of("continuityDecision", "invoke", "continuityServices", "payments"));
        assertThat(continuity.instance(id)).isWaitingAt(TASK_APPROVE_INVOCATION);
        assertThat(driver.incident(id).getTier()).isEqualTo(IncidentTier.CONTINUITY);
        return id;
    }

    private String majorIncidentWithServiceContinuityApproved() {
        String id = majorIncidentWithServiceContinuityInvoked();
        continuity.approve(id);
        ProcessInstance crisisPage = continuity.startPaging(id, TASK_PAGE_CRISIS_TEAM, null);
        pages.pageNextLevel(crisisPage);
        pageService.acknowledgeMessage(pages.messages(crisisPage).get(0).getMessageKey());
        assertThat(continuity.instance(id)).isWaitingAt(TASK_EXECUTE_FAILOVER);
        return id;
    }

    private void runFailbackAndReview(String id) {
        continuity.complete(id, TASK_COMMUNICATE_RESTORATION, Map.of("restorationMessage", "Payments work again"));
        continuity.complete(id, TASK_PLAN_FAILBACK, Map.of("failbackWindowStart",
                clock.now().plus(Duration.ofDays(1)).toString(), "failbackPlan", "Tomorrow night"));
        continuity.fire(id, EVENT_FAILBACK_WINDOW, null);
        continuity.complete(id, TASK_EXECUTE_FAILBACK, Map.of("failbackNotes", "Back on the primary site"));
        assertThat(driver.incident(id).getTier()).isEqualTo(IncidentTier.CONTINUITY);
        continuity.complete(id, TASK_VERIFY_FAILBACK, Map.of("failbackVerification", "verified"));
        continuity.complete(id, TASK_POST_DR_REVIEW, Map.of("lessonsLearned", "Standby DNS TTL too long"));
    }

    private ProcessInstance majorInstance(String incidentId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentModel.PROCESS_KEY)
                .processInstanceBusinessKey(incidentId).singleResult();
    }

    private long stakeholderUpdateTimers(String incidentId) {
        return management.createJobQuery().processInstanceId(majorInstance(incidentId).getId())
                .activityId(EVENT_STAKEHOLDER_UPDATE_DUE).count();
    }

    private List<IncidentEvent> restorations(String incidentId) {
        return incidents.timeline(incidentId).stream().filter(event -> "RESTORED".equals(event.getType())).toList();
    }
}
