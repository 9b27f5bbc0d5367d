package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.Level;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.page.PageDriver;
import io.incidentflow.notify.page.PageModel;
import io.incidentflow.notify.page.PageService;
import io.incidentflow.security.CurrentUser;
import io.incidentflow.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who Tier 1 (processes/incident.bpmn) pages, one test per paging path, named after the path. Monday
 * 2026-03-02 11:00 Berlin: erp-team level 1 alice, level 2 carol, lead erp-lead; service-desk level 1
 * desk-1, lead desk-lead; payments-team level 1 paula. erp at high impact, medium urgency is P2 (paged on
 * functional escalation), at medium/medium P3 (not paged).
 */
@IncidentFlowTest
class IncidentPagingProcessTest {

    static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired IncidentDriver driver;
    @Autowired PageDriver pages;
    @Autowired PageService pageService;
    @Autowired IncidentService incidents;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(MONDAY));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void functionalEscalationOfP2PagesTheResolverGroup() {
        String id = escalatedP2();

        assertThat(driver.task(id, TASK_FUNCTIONAL_ESCALATION)).hasCandidateGroup("erp-team");
        assertThat(driver.instance(id)).isWaitingAt(TASK_FUNCTIONAL_ESCALATION, TASK_PAGE_RESOLVER_GROUP);
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_GROUP);
        pages.pageNextLevel(page);

        assertThat(pages.messages(page)).extracting(Notification::getRecipient, Notification::getPageLevel)
                .containsOnly(tuple("alice", 1));
        assertThat(pages.messages(page).get(0).getShortText())
                .contains("P2 incident escalated to your group: Test incident on erp");
    }

    @Test
    void resolverGroupAcknowledgesAndPagingEnds() {
        String id = escalatedP2();
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_GROUP);
        pages.pageNextLevel(page);

        pageService.acknowledgeAs(pages.pageId(page), new CurrentUser("alice", Set.of()));

        assertThat(page).isEnded().hasPassed("Event_ResponderAcknowledged");
        assertThat(driver.instance(id)).isWaitingAt(TASK_FUNCTIONAL_ESCALATION)
                .hasPassed("Event_ResolverGroupPaged");
    }

    @Test
    void nobodyOfTheResolverGroupAnswersSoLevel2IsPaged() {
        String id = escalatedP2();
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_GROUP);
        pages.pageNextLevel(page);

        pages.ackTimeout(page);
        pages.pageNextLevel(page);

        assertThat(pages.messages(page)).filteredOn(m -> m.getPageLevel() == 2)
                .extracting(Notification::getRecipient).containsOnly("carol");
        assertThat(page).isWaitingAt(PageModel.EVENT_ACK_TIMEOUT);
    }

    @Test
    void functionalEscalationOfP3GivesTheResolverGroupATasklistTaskOnly() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));

        assertThat(driver.instance(id)).isWaitingAt(TASK_FUNCTIONAL_ESCALATION)
                .hasPassed("Event_ResolverGroupNotPaged").hasNotPassed(TASK_PAGE_RESOLVER_GROUP);
    }

    @Test
    void resolvingTheEscalationEndsAPageStillRunning() {
        String id = escalatedP2();
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_GROUP);
        pages.pageNextLevel(page);

        driver.complete(id, TASK_FUNCTIONAL_ESCALATION, Map.of("escalationOutcome", "resolved",
                "resolutionType", "fix", "resolutionNotes", "Patched the interface"));

        assertThat(page).isEnded();
        assertThat(driver.instance(id)).isWaitingAt(TASK_CONFIRM_WITH_CALLER)
                .hasPassed("Event_FunctionalEscalationDone");
    }

    @Test
    void resolverGroupWithNobodyAtAllShowsACockpitIncidentAndTheEscalationStays() {
        String id = driver.log("erp", Level.HIGH, Level.MEDIUM).getId();
        runtime.setVariable(driver.instance(id).getId(), IncidentVariables.RESOLVER_GROUP.name(), "nobody-team");
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_GROUP);

        for (int attempt = 0; attempt < 6; attempt++) {
            assertThatThrownBy(() -> pages.pageNextLevel(page)).hasMessageStartingWith("Nobody to page");
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(page.getId()).singleResult().getActivityId())
                .isEqualTo(PageModel.TASK_PAGE_NEXT_LEVEL);
        assertThat(driver.task(id, TASK_FUNCTIONAL_ESCALATION)).hasCandidateGroup("nobody-team");
        assertThat(driver.incident(id).getState()).isEqualTo(IncidentState.IN_PROGRESS);
    }

    @Test
    void responseWarningPagesTheServiceDeskLeadFirst() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.fire(id, EVENT_RESPONSE_WARNING);
        ProcessInstance page = driver.startPage(id, TASK_PAGE_SERVICE_DESK_LEAD);

        pages.pageNextLevel(page);
        pages.ackTimeout(page);
        pages.pageNextLevel(page);

        assertThat(pages.messages(page)).extracting(Notification::getRecipient, Notification::getPageLevel)
                .containsOnly(tuple("desk-lead", 1), tuple("desk-1", 2));
        assertThat(driver.instance(id)).isWaitingAt(TASK_INITIAL_DIAGNOSIS);
    }

    @Test
    void resolutionBreachPagesTheResolverGroupLeadWhileTheIncidentGoesToTriage() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        driver.fire(id, EVENT_RESOLUTION_BREACHED);

        assertThat(driver.instance(id)).isWaitingAt(TASK_MAJOR_INCIDENT, TASK_PAGE_RESOLVER_LEAD_ON_BREACH);
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_LEAD_ON_BREACH);
        pages.pageNextLevel(page);
        pageService.acknowledgeAs(pages.pageId(page), new CurrentUser("erp-lead", Set.of()));

        assertThat(pages.messages(page)).extracting(Notification::getRecipient).containsOnly("erp-lead");
        assertThat(driver.instance(id)).isWaitingAt(TASK_MAJOR_INCIDENT).hasPassed("Event_ResolverLeadPagedOnBreach");
    }

    @Test
    void callerHoldRemindsTheServiceDeskThenPagesItsLeadWithTheSlaClockPaused() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "awaitCaller"));
        assertThat(driver.job(id, EVENT_CALLER_HOLD_REMINDER_DUE).getDuedate().toInstant())
                .isEqualTo(MONDAY.plus(Duration.ofHours(4)));
        assertThat(driver.job(id, EVENT_CALLER_HOLD_ESCALATION_DUE).getDuedate().toInstant())
                .isEqualTo(MONDAY.plus(Duration.ofDays(1)));

        driver.fire(id, EVENT_CALLER_HOLD_REMINDER_DUE);
        ProcessInstance reminder = driver.startPage(id, TASK_PAGE_CALLER_HOLD_REMINDER);
        pages.pageNextLevel(reminder);
        driver.fire(id, EVENT_CALLER_HOLD_ESCALATION_DUE);
        ProcessInstance escalation = driver.startPage(id, TASK_PAGE_CALLER_HOLD_LEAD);
        pages.pageNextLevel(escalation);

        assertThat(pages.messages(reminder)).extracting(Notification::getRecipient).containsOnly("desk-1");
        assertThat(pages.messages(escalation)).extracting(Notification::getRecipient).containsOnly("desk-lead");
        assertThat(incidents.timeline(id)).filteredOn(e -> e.getType().startsWith("HOLD_"))
                .extracting(IncidentEvent::getType, IncidentEvent::getDetail).containsExactly(
                        tuple("HOLD_REMINDER", "Still waiting for the caller after PT4H (SLA clock paused); "
                                + "the service desk paged as a reminder"),
                        tuple("HOLD_ESCALATED", "Still waiting for the caller after PT24H (SLA clock paused); "
                                + "lead of the service desk paged"));
        assertThat(driver.instance(id)).isWaitingAt(TASK_AWAIT_CALLER);
        assertThat(driver.incident(id).getState()).isEqualTo(IncidentState.ON_HOLD);
        assertThat(driver.job(id, EVENT_RESOLUTION_BREACHED).isSuspended()).isTrue();
    }

    @Test
    void vendorHoldRemindsTheResolverGroupThenPagesItsLeadWithTheSlaClockPaused() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        driver.complete(id, TASK_FUNCTIONAL_ESCALATION, Map.of("escalationOutcome", "engageVendor",
                "vendorReference", "VENDOR-4711"));

        driver.fire(id, EVENT_VENDOR_HOLD_REMINDER_DUE);
        ProcessInstance reminder = driver.startPage(id, TASK_PAGE_VENDOR_HOLD_REMINDER);
        pages.pageNextLevel(reminder);
        driver.fire(id, EVENT_VENDOR_HOLD_ESCALATION_DUE);
        ProcessInstance escalation = driver.startPage(id, TASK_PAGE_VENDOR_HOLD_LEAD);
        pages.pageNextLevel(escalation);

        assertThat(pages.messages(reminder)).extracting(Notification::getRecipient).containsOnly("alice");
        assertThat(pages.messages(escalation)).extracting(Notification::getRecipient).containsOnly("erp-lead");
        assertThat(incidents.timeline(id)).extracting(IncidentEvent::getType)
                .containsSubsequence("ON_HOLD", "HOLD_REMINDER", "HOLD_ESCALATED");
        assertThat(driver.instance(id)).isWaitingAt(TASK_AWAIT_VENDOR);
        assertThat(driver.incident(id).getState()).isEqualTo(IncidentState.ON_HOLD);
        assertThat(driver.job(id, EVENT_RESOLUTION_BREACHED).isSuspended()).isTrue();
    }

    @Test
    void handedOverToAnotherResolverGroupWhichIsPagedWithTheSlaClocksKept() {
        String id = escalatedP2();
        Incident before = driver.incident(id);
        Date breachDue = driver.job(id, EVENT_RESOLUTION_BREACHED).getDuedate();

        driver.complete(id, TASK_FUNCTIONAL_ESCALATION, Map.of("escalationOutcome", "handOver",
                "handOverGroup", "payments-team"));

        // who may work it: the group taking over, and no longer the group that handed it over
        assertThat(engine.getTaskService().getIdentityLinksForTask(driver.task(id, TASK_FUNCTIONAL_ESCALATION).getId()))
                .extracting(IdentityLink::getGroupId).containsExactly("payments-team");
        ProcessInstance page = driver.startPage(id, TASK_PAGE_RESOLVER_GROUP);
        pages.pageNextLevel(page);
        assertThat(pages.messages(page)).extracting(Notification::getRecipient).containsOnly("paula");
        Incident after = driver.incident(id);
        assertThat(after.getResolverGroup()).isEqualTo("payments-team");
        assertThat(after.getResolutionDueAt()).isEqualTo(before.getResolutionDueAt());
        assertThat(driver.job(id, EVENT_RESOLUTION_BREACHED).getDuedate()).isEqualTo(breachDue);
        assertThat(incidents.timeline(id)).filteredOn(e -> e.getType().equals("HANDED_OVER"))
                .extracting(IncidentEvent::getDetail).singleElement().asString()
                .startsWith("Handed over from erp-team to payments-team");
    }

    @Test
    void handOverToAGroupOutsideTheCatalogIsRefusedAndTheTaskStays() {
        String id = escalatedP2();
        String taskId = driver.task(id, TASK_FUNCTIONAL_ESCALATION).getId();

        assertThatThrownBy(() -> driver.complete(id, TASK_FUNCTIONAL_ESCALATION, Map.of(
                "escalationOutcome", "handOver", "handOverGroup", "no-such-team")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("handOverGroup"));

        assertThat(driver.task(id, TASK_FUNCTIONAL_ESCALATION).getId()).isEqualTo(taskId);
        assertThat(driver.incident(id).getResolverGroup()).isEqualTo("erp-team");
    }

    /** A P2 incident on erp, escalated to erp-team. */
    private String escalatedP2() {
        String id = driver.log("erp", Level.HIGH, Level.MEDIUM).getId();
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        return id;
    }
}
