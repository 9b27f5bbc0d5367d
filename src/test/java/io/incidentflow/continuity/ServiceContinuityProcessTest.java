package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through processes/service-continuity.bpmn, named after the path. */
@IncidentFlowTest
class ServiceContinuityProcessTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired RepositoryService repository;
    @Autowired ContinuityDriver driver;
    @Autowired IncidentDriver incidentDriver;
    @Autowired IncidentService incidents;
    @Autowired ServiceCatalog catalog;
    @Autowired NotificationRepository notifications;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void approvalDeclinedEndsTheInvocation() {
        String id = driver.invoke("erp");
        assertThat(id).matches("DR-\\d{6}");
        ProcessInstance instance = driver.instance(id);
        Task approval = driver.task(id, TASK_APPROVE_INVOCATION);
        assertThat(approval).hasCandidateGroup("continuity-managers");
        assertThat((String) tasks.getVariable(approval.getId(), "recoveryAssessment"))
                .contains("erp (ERP (finance and supply chain), supporting, cold tier): gradual (cold standby)",
                        "Cost: High", "Risk: High");

        driver.complete(id, TASK_APPROVE_INVOCATION, Map.of("approvalDecision", "decline",
                "approvalComment", "Primary site back within the hour"));

        assertThat(instance).isEnded().hasPassedInOrder("Task_DeclineInvocation", "Event_InvocationDeclined")
                .hasNotPassed("Task_NotifyContinuityTeams", TASK_EXECUTE_FAILOVER)
                .variables().containsEntry("continuityOutcome", "declined");
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).isEmpty();
    }

    @Test
    void recoveredAtTheRecoverySiteFailedBackAfterTheWindowAndReviewed() {
        String id = driver.invoke("payments");
        ProcessInstance instance = driver.instance(id);
        driver.approve(id);

        // the crisis team's on-call (continuity-managers: connie) and the business audience's list
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).extracting(Notification::getRecipient,
                Notification::getTemplate, Notification::getAudience).contains(
                org.assertj.core.groups.Tuple.tuple("connie", "dr-invoked", Audience.TECHNICAL),
                org.assertj.core.groups.Tuple.tuple("business-stakeholders", "dr-invoked", Audience.BUSINESS));
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).filteredOn(n -> n.getRecipient().equals("connie"))
                .extracting(Notification::getShortText).allSatisfy(text -> assertThat(text)
                        .contains("Online payments").contains("RTO 15 minutes"));
        Task failover = driver.task(id, TASK_EXECUTE_FAILOVER, "payments");
        assertThat(failover).hasCandidateGroup("dr-team");
        // hot standby for a mission-critical service: 15 minutes, as the catalog agrees
        assertThat(failover.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(tasks.getVariable(failover.getId(), "serviceName")).isEqualTo("Online payments");
        driver.complete(id, TASK_EXECUTE_FAILOVER, "payments", Map.of("failoverNotes", "Switched DNS to standby"));
        assertThat(driver.task(id, TASK_VERIFY_RECOVERY, "payments")).hasCandidateGroup("payments-team");
        driver.complete(id, TASK_VERIFY_RECOVERY, "payments", Map.of("recoveryVerification", "verified"));

        assertThat(driver.task(id, TASK_COMMUNICATE_RESTORATION)).hasCandidateGroup("communications");
        driver.complete(id, TASK_COMMUNICATE_RESTORATION, Map.of("restorationMessage", "Payments work again"));
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).filteredOn(n -> n.getTemplate().equals("resolved"))
                .extracting(Notification::getRecipient).containsExactlyInAnyOrder("business-stakeholders", "all-staff");
        // the business reads the communications team's message; impacted users get the short "fixed" wording
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).filteredOn(n -> n.getTemplate().equals("resolved")
                && n.getAudience() == Audience.BUSINESS).singleElement()
                .satisfies(n -> assertThat(n.getBody()).contains("Payments work again"));

        assertThat(driver.task(id, TASK_PLAN_FAILBACK)).hasCandidateGroup("continuity-managers");
        driver.complete(id, TASK_PLAN_FAILBACK, Map.of("failbackWindowStart", "2026-06-06T22:00+02:00",
                "failbackPlan", "Saturday night, payments first"));
        assertThat(instance).isWaitingAt(EVENT_FAILBACK_WINDOW);
        assertThat(driver.job(id, EVENT_FAILBACK_WINDOW, null).getDuedate().toInstant())
                .isEqualTo(Instant.parse("2026-06-06T20:00:00Z"));
        assertThat(driver.tasks(id, TASK_EXECUTE_FAILBACK)).isEmpty();

        driver.fire(id, EVENT_FAILBACK_WINDOW, null);
        assertThat(driver.task(id, TASK_EXECUTE_FAILBACK)).hasCandidateGroup("dr-team");
        driver.complete(id, TASK_EXECUTE_FAILBACK, Map.of("failbackNotes", "Back on the primary site"));
        driver.complete(id, TASK_VERIFY_FAILBACK, Map.of("failbackVerification", "verified"));
        assertThat(driver.task(id, TASK_POST_DR_REVIEW)).hasCandidateGroup("continuity-managers");
        driver.complete(id, TASK_POST_DR_REVIEW, Map.of("lessonsLearned", "Standby DNS TTL too long"));

        assertThat(instance).isEnded().hasPassedInOrder("Task_NotifyContinuityTeams", "Task_StartRtoClock",
                        TASK_EXECUTE_FAILOVER, TASK_VERIFY_RECOVERY, "Event_ServiceRecovered", TASK_COMMUNICATE_RESTORATION,
                        "Task_AnnounceRestoration", TASK_PLAN_FAILBACK, EVENT_FAILBACK_WINDOW, TASK_EXECUTE_FAILBACK,
                        TASK_VERIFY_FAILBACK, TASK_POST_DR_REVIEW, "Task_UpdateDrPlans", "Event_ContinuityCompleted")
                .hasNotPassed("Task_EscalateRtoBreach")
                .variables().containsEntry("continuityOutcome", "completed");
        BusinessService payments = catalog.get("payments");
        assertThat(payments.getDrPlanUpdated()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(payments.getLessonsLearned()).isEqualTo(id + ": Standby DNS TTL too long");
    }

    @Test
    void oneOfTwoServicesMissesItsRtoAndOnlyItIsEscalated() {
        String id = driver.invoke("payments", "erp");
        driver.approve(id);

        assertThat(driver.tasks(id, TASK_EXECUTE_FAILOVER)).hasSize(2);
        assertThat(driver.job(id, EVENT_RTO_EXCEEDED, "payments").getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        // cold standby for a supporting service aims for 24 h; the catalog agrees 8 h, the tighter one counts
        assertThat(driver.job(id, EVENT_RTO_EXCEEDED, "erp").getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(480)));
        assertThat(tasks.getVariable(driver.task(id, TASK_EXECUTE_FAILOVER, "erp").getId(), "serviceName"))
                .isEqualTo("ERP (finance and supply chain)");

        driver.fire(id, EVENT_RTO_EXCEEDED, "payments");

        List<Notification> sent = notifications.findByIncidentIdOrderByIdAsc(id);
        assertThat(sent).filteredOn(n -> n.getTemplate().equals("rto-exceeded") && n.getChannel() == Channel.EMAIL)
                .singleElement().satisfies(n -> {
                    assertThat(n.getRecipient()).isEqualTo("connie");
                    assertThat(n.getSubject()).contains("payments missed its RTO");
                });
        assertThat(Collections.frequency(driver.passedActivities(id), "Task_EscalateRtoBreach")).isEqualTo(1);
        // the failover of payments goes on; erp's clock still runs
        driver.task(id, TASK_EXECUTE_FAILOVER, "payments");
        driver.job(id, EVENT_RTO_EXCEEDED, "erp");

        driver.recover(id, "payments");
        driver.recover(id, "erp");

        assertThat(driver.instance(id)).isWaitingAt(TASK_COMMUNICATE_RESTORATION);
        assertThat(Collections.frequency(driver.passedActivities(id), "Event_ServiceRecovered")).isEqualTo(2);
        assertThat(Collections.frequency(driver.passedActivities(id), "Event_CrisisManagementEngaged")).isEqualTo(1);
    }

    @Test
    void serviceNotWorkingAtTheRecoverySiteIsFailedOverAgain() {
        String id = driver.invoke("email");
        driver.approve(id);
        driver.complete(id, TASK_EXECUTE_FAILOVER, "email", Map.of("failoverNotes", "Mail store mounted"));

        driver.complete(id, TASK_VERIFY_RECOVERY, "email", Map.of("recoveryVerification", "failed",
                "verificationNotes", "Calendar does not sync"));

        assertThat(driver.instance(id)).isWaitingAt(TASK_EXECUTE_FAILOVER);
        assertThat(tasks.getVariable(driver.task(id, TASK_EXECUTE_FAILOVER, "email").getId(), "verificationNotes"))
                .isEqualTo("Calendar does not sync");
        driver.recover(id, "email");
        assertThat(driver.instance(id)).isWaitingAt(TASK_COMMUNICATE_RESTORATION);
        assertThat(Collections.frequency(driver.passedActivities(id), TASK_EXECUTE_FAILOVER)).isEqualTo(2);
    }

    @Test
    void failbackNotWorkingIsExecutedAgain() {
        String id = driver.invoke("email");
        driver.approve(id);
        driver.recover(id, "email");
        driver.complete(id, TASK_COMMUNICATE_RESTORATION, Map.of("restorationMessage", "Mail works"));
        driver.complete(id, TASK_PLAN_FAILBACK, Map.of("failbackWindowStart", "2026-06-02T20:00Z"));
        driver.fire(id, EVENT_FAILBACK_WINDOW, null);
        driver.complete(id, TASK_EXECUTE_FAILBACK, Map.of("failbackNotes", "Moved back"));

        driver.complete(id, TASK_VERIFY_FAILBACK, Map.of("failbackVerification", "failed"));

        assertThat(driver.instance(id)).isWaitingAt(TASK_EXECUTE_FAILBACK);
        driver.complete(id, TASK_EXECUTE_FAILBACK, Map.of("failbackNotes", "Moved back, replication fixed"));
        driver.complete(id, TASK_VERIFY_FAILBACK, Map.of("failbackVerification", "verified"));
        assertThat(driver.instance(id)).isWaitingAt(TASK_POST_DR_REVIEW);
    }

    @Test
    void failbackWindowThatCannotBeReadIsRefusedAndTheTaskStaysOpen() {
        String id = driver.invoke("email");
        driver.approve(id);
        driver.recover(id, "email");
        driver.complete(id, TASK_COMMUNICATE_RESTORATION, Map.of("restorationMessage", "Mail works"));

        assertThatThrownBy(() -> driver.complete(id, TASK_PLAN_FAILBACK,
                Map.of("failbackWindowStart", "next Saturday")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("failbackWindowStart");

        assertThat(driver.instance(id)).isWaitingAt(TASK_PLAN_FAILBACK);
    }

    @Test
    void startedFromTheTasklistStartForm() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();

        ProcessInstance started = forms.submitStartForm(definition, Map.of("affectedServices", "payments, erp",
                "invocationReason", "Ransomware on the primary site"));

        assertThat(started.getBusinessKey()).matches("DR-\\d{6}");
        assertThat(started).isWaitingAt(TASK_APPROVE_INVOCATION)
                .variables().containsEntry("serviceIds", List.of("payments", "erp"))
                .containsEntry("invocationId", started.getBusinessKey());

        long before = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
        assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("affectedServices", "payments, atlantis",
                "invocationReason", "Flood")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("atlantis");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(before);
    }

    @Test
    void invokedForAnIncidentItsTimelineFollowsTheRecovery() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, incident.getId(), Map.of(
                "incidentId", incident.getId(), "serviceIds", new java.util.ArrayList<>(List.of("payments")),
                "invocationReason", "Time box expired"));
        driver.approve(incident.getId());
        driver.fire(incident.getId(), EVENT_RTO_EXCEEDED, "payments");
        driver.recover(incident.getId(), "payments");
        driver.complete(incident.getId(), TASK_COMMUNICATE_RESTORATION, Map.of("restorationMessage", "Back"));
        driver.complete(incident.getId(), TASK_PLAN_FAILBACK, Map.of("failbackWindowStart", "2026-06-02T20:00Z"));
        driver.fire(incident.getId(), EVENT_FAILBACK_WINDOW, null);
        driver.complete(incident.getId(), TASK_EXECUTE_FAILBACK, Map.of("failbackNotes", "Done"));
        driver.complete(incident.getId(), TASK_VERIFY_FAILBACK, Map.of("failbackVerification", "verified"));
        driver.complete(incident.getId(), TASK_POST_DR_REVIEW, Map.of("lessonsLearned", "Rehearse quarterly"));

        assertThat(instance).isEnded();
        assertThat(incidents.get(incident.getId()).getTier()).isEqualTo(IncidentTier.CONTINUITY);
        assertThat(incidents.timeline(incident.getId())).extracting(IncidentEvent::getType).endsWith(
                "CONTINUITY_INVOKED", "CONTINUITY_APPROVED", "RTO_EXCEEDED", "RESTORED_AT_RECOVERY_SITE",
                "FAILBACK_PLANNED", "DR_REVIEWED");
    }
}
