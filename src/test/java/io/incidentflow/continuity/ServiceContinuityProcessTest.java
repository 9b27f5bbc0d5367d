package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
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
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.notify.page.PageDriver;
import io.incidentflow.notify.page.PageModel;
import io.incidentflow.notify.page.PageService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
    @Autowired PageDriver pageDriver;
    @Autowired PageService pages;
    @Autowired ContinuityEventsRecorder events;
    @Autowired ContinuityProperties properties;

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

        // the business audience's list is told; crisis management is paged, not sent every level at once
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).extracting(Notification::getRecipient,
                Notification::getTemplate, Notification::getAudience).containsExactly(
                tuple("business-stakeholders", "dr-invoked", Audience.BUSINESS));
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id).get(0).getShortText())
                .contains("Online payments").contains("15 minutes");
        acknowledgeAtLevel1(driver.startPaging(id, TASK_PAGE_CRISIS_TEAM, null));
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

        assertThat(Collections.frequency(driver.passedActivities(id), "Task_EscalateRtoBreach")).isEqualTo(1);
        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_CRISIS_RTO_BREACH, "payments"),
                "continuity-managers", "connie", "Online payments missed its RTO (" + id + ")");
        // the failover of payments goes on; erp's clock still runs
        driver.task(id, TASK_EXECUTE_FAILOVER, "payments");
        driver.job(id, EVENT_RTO_EXCEEDED, "erp");

        driver.recover(id, "payments");
        driver.recover(id, "erp");

        assertThat(driver.instance(id)).isWaitingAt(TASK_COMMUNICATE_RESTORATION);
        assertThat(Collections.frequency(driver.passedActivities(id), "Event_ServiceRecovered")).isEqualTo(2);
        assertThat(Collections.frequency(driver.passedActivities(id), "Event_CrisisManagementEngaged")).isEqualTo(1);
        assertThat(Collections.frequency(driver.passedActivities(id), TASK_PAGE_CRISIS_RTO_BREACH)).isEqualTo(1);
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
    void invokedForAnIncidentRunsToTheEndWhenNothingWaitsForIt() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        ProcessInstance instance = startForIncident(incident, NOW, "payments");
        assertThat(incidents.get(id).getTier()).isEqualTo(IncidentTier.CONTINUITY);
        driver.approve(id);
        acknowledgeAtLevel1(driver.startPaging(id, TASK_PAGE_CRISIS_TEAM, null));
        driver.fire(id, EVENT_RTO_EXCEEDED, "payments");
        driver.recover(id, "payments");
        driver.complete(id, TASK_COMMUNICATE_RESTORATION, Map.of("restorationMessage", "Back"));
        driver.complete(id, TASK_PLAN_FAILBACK, Map.of("failbackWindowStart", "2026-06-02T20:00Z"));
        driver.fire(id, EVENT_FAILBACK_WINDOW, null);
        driver.complete(id, TASK_EXECUTE_FAILBACK, Map.of("failbackNotes", "Done"));
        // the incident shows the running invocation until its very last step
        assertThat(incidents.get(id).getTier()).isEqualTo(IncidentTier.CONTINUITY);
        driver.complete(id, TASK_VERIFY_FAILBACK, Map.of("failbackVerification", "verified"));
        driver.complete(id, TASK_POST_DR_REVIEW, Map.of("lessonsLearned", "Rehearse quarterly"));

        assertThat(instance).isEnded().variables().containsEntry("continuityOutcome", "completed");
        assertThat(incidents.get(id).getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(incidents.timeline(id)).extracting(IncidentEvent::getType).containsSubsequence(
                "CONTINUITY_INVOKED", "CONTINUITY_APPROVED", "RTO_EXCEEDED", "CONTINUITY_RECOVERY_VERIFIED",
                "RESTORED_AT_RECOVERY_SITE", "FAILBACK_PLANNED", "DR_REVIEWED", "CONTINUITY_ENDED");
        assertThat(events.verified(id)).hasSize(1);
        assertThat(events.endedWithoutRecovery(id)).isEmpty();
    }

    @Test
    void approvalPagesTheContinuityManagersLevelByLevelUntilOneAcknowledges() {
        String id = driver.invoke("payments");

        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_CONTINUITY_MANAGERS, null),
                "continuity-managers", "connie", "Approve or decline service continuity " + id);

        // the page is filed under the direct invocation's id; the approval waits on
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).extracting(Notification::getTemplate).contains("paged");
        driver.approve(id);
        assertThat(driver.instance(id)).isWaitingAt(TASK_EXECUTE_FAILOVER);
    }

    @Test
    void approvalDecidedStopsThePagingOfTheContinuityManagers() {
        String id = driver.invoke("payments");
        ProcessInstance page = driver.startPaging(id, TASK_PAGE_CONTINUITY_MANAGERS, null);

        driver.approve(id);

        assertThat(page).isEnded().hasNotPassed("Event_ResponderAcknowledged", "Event_NobodyAcknowledged");
        assertThat(driver.passedActivities(id)).contains("Event_ApprovalDecided")
                .doesNotContain("Event_ContinuityManagersPaged");
    }

    @Test
    void approvalOverdueEscalatesToCrisisManagement() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        ProcessInstance instance = startForIncident(incident, NOW, "payments");
        Date dueAt = Date.from(NOW.plus(properties.approvalTime()));
        assertThat(instance).variables().containsEntry("approvalDueAt", dueAt);
        assertThat(driver.job(id, EVENT_APPROVAL_OVERDUE, null).getDuedate()).isEqualTo(dueAt);

        driver.fire(id, EVENT_APPROVAL_OVERDUE, null);

        assertThat(incidents.timeline(id)).extracting(IncidentEvent::getType).contains("CONTINUITY_APPROVAL_OVERDUE");
        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_CRISIS_APPROVAL_OVERDUE, null),
                "continuity-managers", "connie", "Service continuity " + id + " awaits approval past its due time");
        // the continuity managers can still decide
        driver.approve(id);
        assertThat(instance).isWaitingAt(TASK_EXECUTE_FAILOVER);
    }

    @Test
    void approvedInvocationPagesCrisisManagement() {
        String id = driver.invoke("payments");
        driver.approve(id);

        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_CRISIS_TEAM, null),
                "continuity-managers", "connie", "Service continuity " + id + " invoked: Primary data centre flooded");
        assertThat(driver.instance(id)).isWaitingAt(TASK_EXECUTE_FAILOVER);
    }

    @Test
    void failoverPagesTheDrTeam() {
        String id = driver.invoke("payments");
        driver.approve(id);

        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_DR_TEAM, "payments"),
                "dr-team", "dora", "Fail over Online payments to the recovery site (" + id + ")");
        assertThat(driver.task(id, TASK_EXECUTE_FAILOVER, "payments")).isNotNull();
    }

    @Test
    void verificationPagesTheResolverGroup() {
        String id = driver.invoke("payments");
        driver.approve(id);
        driver.complete(id, TASK_EXECUTE_FAILOVER, "payments", Map.of("failoverNotes", "Switched DNS"));

        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_RESOLVER_GROUP, "payments"),
                "payments-team", "paula", "Verify Online payments at the recovery site (" + id + ")");
        assertThat(driver.task(id, TASK_VERIFY_RECOVERY, "payments")).isNotNull();
    }

    @Test
    void rtoCountsFromTheInvocationDecision() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        Instant decidedAt = NOW.minus(Duration.ofMinutes(20));
        startForIncident(incident, decidedAt, "payments");
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(10))));

        driver.approve(incident.getId());

        // payments: 15 minutes from the decision, not from the approval
        Instant rtoDueAt = decidedAt.plus(Duration.ofMinutes(15));
        assertThat(driver.job(incident.getId(), EVENT_RTO_EXCEEDED, "payments").getDuedate().toInstant())
                .isEqualTo(rtoDueAt);
        assertThat(driver.task(incident.getId(), TASK_EXECUTE_FAILOVER, "payments").getDueDate().toInstant())
                .isEqualTo(rtoDueAt);
    }

    @Test
    void failoverFailingTooOftenIsAbandonedAndReviewed() {
        Incident incident = incidentDriver.log("email", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        ProcessInstance instance = startForIncident(incident, NOW, "email");
        driver.approve(id);

        for (int attempt = 1; attempt < properties.maxFailedFailovers(); attempt++) {
            driver.failRecovery(id, "email", "Calendar does not sync");
            assertThat(instance).isWaitingAt(TASK_EXECUTE_FAILOVER);
        }
        assertThat(events.endedWithoutRecovery(id)).isEmpty();
        driver.failRecovery(id, "email", "Mail store corrupt");

        assertThat(driver.tasks(id, TASK_EXECUTE_FAILOVER)).isEmpty();
        assertThat(instance).isWaitingAt(TASK_PAGE_CRISIS_ABANDONED, TASK_POST_DR_REVIEW)
                .variables().containsEntry("continuityOutcome", "abandoned");
        assertThat(events.endedWithoutRecovery(id)).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(ContinuityVariables.OUTCOME_ABANDONED);
            assertThat(event.invocationId()).isEqualTo(id);
            assertThat(event.reason()).contains("email did not work at the recovery site after "
                    + properties.maxFailedFailovers() + " failovers").contains("Mail store corrupt");
        });
        assertThat(events.verified(id)).isEmpty();
        assertThat(incidents.timeline(id)).extracting(IncidentEvent::getType)
                .containsSubsequence("FAILOVER_FAILED", "FAILOVER_FAILED", "CONTINUITY_ABANDONED");
        pagedEscalatedToLevel2AndAcknowledged(driver.startPaging(id, TASK_PAGE_CRISIS_ABANDONED, null),
                "continuity-managers", "connie", "Failover abandoned (" + id + "): email did not work");

        driver.complete(id, TASK_POST_DR_REVIEW, Map.of("lessonsLearned", "Mail store replication untested"));

        assertThat(instance).isEnded().hasNotPassed(TASK_COMMUNICATE_RESTORATION, TASK_EXECUTE_FAILBACK)
                .variables().containsEntry("continuityOutcome", "abandoned");
        assertThat(incidents.get(id).getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(catalog.get("email").getLessonsLearned()).isEqualTo(id + ": Mail store replication untested");
    }

    @Test
    void failoverAbandonedOnRequestStopsEveryServiceAndIsReviewed() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        ProcessInstance instance = startForIncident(incident, NOW, "payments", "erp");
        driver.approve(id);

        driver.abandonFailover(id, "payments", "Recovery site lost power too");

        assertThat(driver.tasks(id, TASK_EXECUTE_FAILOVER)).isEmpty();
        assertThat(instance).isWaitingAt(TASK_PAGE_CRISIS_ABANDONED, TASK_POST_DR_REVIEW);
        assertThat(events.endedWithoutRecovery(id)).singleElement()
                .extracting(ContinuityEndedWithoutRecovery::outcome, ContinuityEndedWithoutRecovery::reason)
                .containsExactly(ContinuityVariables.OUTCOME_ABANDONED, "Recovery site lost power too");
        assertThat(incidents.timeline(id)).extracting(IncidentEvent::getType).contains("CONTINUITY_ABANDONED");
    }

    @Test
    void verifiedRecoveryTellsTheMajorIncidentOnceWhenEveryServiceWorks() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        startForIncident(incident, NOW, "payments", "erp");
        driver.approve(id);

        driver.recover(id, "payments");
        assertThat(events.verified(id)).isEmpty();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(2))));
        driver.recover(id, "erp");

        assertThat(events.verified(id)).singleElement().isEqualTo(
                new ContinuityRecoveryVerified(id, id, NOW.plus(Duration.ofHours(2))));
        assertThat(driver.instance(id)).isWaitingAt(TASK_COMMUNICATE_RESTORATION);
        assertThat(incidents.get(id).getTier()).isEqualTo(IncidentTier.CONTINUITY);
    }

    @Test
    void declinedForAnIncidentTellsTheMajorIncidentContinuityEndedWithoutRecovery() {
        Incident incident = incidentDriver.log("payments", Level.HIGH, Level.HIGH);
        String id = incident.getId();
        ProcessInstance instance = startForIncident(incident, NOW, "payments");

        driver.complete(id, TASK_APPROVE_INVOCATION, Map.of("approvalDecision", "decline",
                "approvalComment", "Primary site back within the hour"));

        assertThat(instance).isEnded();
        assertThat(events.endedWithoutRecovery(id)).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(ContinuityVariables.OUTCOME_DECLINED);
            assertThat(event.reason()).contains("Primary site back within the hour");
        });
        assertThat(events.verified(id)).isEmpty();
        assertThat(incidents.get(id).getTier()).isEqualTo(IncidentTier.MAJOR);
    }

    /** Tier 3 started as Tier 2 starts it: an instance of its own, keyed by the incident. */
    private ProcessInstance startForIncident(Incident incident, Instant decidedAt, String... serviceIds) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, incident.getId(), Map.of(
                "incidentId", incident.getId(), "serviceIds", new ArrayList<>(List.of(serviceIds)),
                "invocationReason", "Time box expired", "invocationDecidedAt", Date.from(decidedAt)));
    }

    /** A call site's page: level 1 paged, no acknowledgement in time, level 2 paged and acknowledging. */
    private void pagedEscalatedToLevel2AndAcknowledged(ProcessInstance page, String group, String level1,
                                                       String summary) {
        assertThat(page).isWaitingAt(PageModel.TASK_PAGE_NEXT_LEVEL).variables().containsEntry("pageGroup", group);
        assertThat((String) runtime.getVariable(page.getId(), "pageSummary")).startsWith(summary);
        pageDriver.pageNextLevel(page);
        assertThat(pageDriver.messages(page)).isNotEmpty()
                .allSatisfy(m -> assertThat(tuple(m.getRecipient(), m.getPageLevel())).isEqualTo(tuple(level1, 1)));

        pageDriver.ackTimeout(page);
        pageDriver.pageNextLevel(page);
        List<Notification> level2 = pageDriver.messages(page).stream().filter(m -> m.getPageLevel() == 2).toList();
        assertThat(level2).isNotEmpty();

        pages.acknowledgeMessage(level2.get(0).getMessageKey());
        assertThat(page).isEnded().hasPassed("Event_ResponderAcknowledged");
    }

    private void acknowledgeAtLevel1(ProcessInstance page) {
        pageDriver.pageNextLevel(page);
        pages.acknowledgeMessage(pageDriver.messages(page).get(0).getMessageKey());
        assertThat(page).isEnded();
    }
}
