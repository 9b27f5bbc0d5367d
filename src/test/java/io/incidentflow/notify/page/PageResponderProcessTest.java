package io.incidentflow.notify.page;

import static io.incidentflow.notify.page.PageModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.oncall.OnCallSchedule;
import io.incidentflow.notify.oncall.OnCallScheduleRepository;
import io.incidentflow.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path through processes/page-responder.bpmn, named after the path. erp-team on Monday
 * 2026-03-02 11:00 Berlin: level 1 alice, level 2 carol, level 3 the whole group.
 */
@IncidentFlowTest
class PageResponderProcessTest {

    static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired PageDriver driver;
    @Autowired PageService pages;
    @Autowired IncidentDriver incidents;
    @Autowired IncidentService timeline;
    @Autowired IdentityService identity;
    @Autowired OnCallScheduleRepository schedules;

    private String incidentId;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
        ClockUtil.setCurrentTime(Date.from(MONDAY));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void acknowledgedAtLevel1() {
        ProcessInstance page = driver.page(incidentId, "erp-team", "ERP invoices fail");
        assertThat(page).isWaitingAt(TASK_PAGE_NEXT_LEVEL);

        driver.pageNextLevel(page);

        assertThat(page).isWaitingAt(EVENT_ACK_TIMEOUT);
        assertThat(driver.job(page, EVENT_ACK_TIMEOUT).getDuedate().toInstant()).isEqualTo(MONDAY.plus(Duration.ofMinutes(5)));
        assertThat(driver.messages(page))
                .extracting(Notification::getRecipient, Notification::getChannel, Notification::getPageLevel)
                .containsExactly(tuple("alice", Channel.SMS, 1), tuple("alice", Channel.CHAT, 1),
                        tuple("alice", Channel.EMAIL, 1));
        assertThat(driver.messages(page).get(0).getShortText())
                .startsWith(incidentId + " paged (erp-team, level 1): ERP invoices fail. Acknowledge: http://")
                .contains("/ack/");

        pages.acknowledgeMessage(driver.messages(page).get(0).getMessageKey());

        assertThat(page).isEnded().hasPassed("Event_Acknowledged", "Event_ResponderAcknowledged")
                .hasNotPassed("Gateway_LevelsLeft", "Task_RecordNoAcknowledgement")
                .variables().containsEntry("acknowledged", true).containsEntry("acknowledgedBy", "alice")
                .containsEntry("acknowledgedAt", Date.from(MONDAY));
        Page recorded = pages.get(driver.pageId(page));
        assertThat(recorded.getState()).isEqualTo(PageState.ACKNOWLEDGED);
        assertThat(recorded.getPagedLevel()).isEqualTo(1);
        assertThat(recorded.getAcknowledgedVia()).isEqualTo("link");
        assertThat(driver.messages(page)).allSatisfy(m -> {
            assertThat(m.getAcknowledgedBy()).isEqualTo("alice");
            assertThat(m.getAcknowledgedAt()).isEqualTo(MONDAY);
        });
        assertThat(timeline.timeline(incidentId)).filteredOn(e -> e.getType().startsWith("PAGE"))
                .extracting(IncidentEvent::getType, IncidentEvent::getDetail).containsExactly(
                        tuple("PAGED", "Level 1 of 3 of erp-team paged: alice (sms), alice (chat), alice (email)"),
                        tuple("PAGE_ACKNOWLEDGED", "alice acknowledged the page of erp-team (link)"));
    }

    @Test
    void notAcknowledgedInTimeSoLevel2IsPagedAndAcknowledges() {
        ProcessInstance page = driver.page(incidentId, "erp-team", "ERP invoices fail");
        driver.pageNextLevel(page);

        driver.ackTimeout(page);
        assertThat(page).isWaitingAt(TASK_PAGE_NEXT_LEVEL);
        driver.pageNextLevel(page);

        assertThat(driver.messages(page)).filteredOn(m -> m.getPageLevel() == 2)
                .extracting(Notification::getRecipient, Notification::getChannel)
                .containsExactly(tuple("carol", Channel.SMS), tuple("carol", Channel.EMAIL));
        pages.acknowledgeAs(driver.pageId(page), new CurrentUser("carol", Set.of()));

        assertThat(page).isEnded().hasPassedInOrder(TASK_PAGE_NEXT_LEVEL, EVENT_ACK_TIMEOUT, "Gateway_LevelsLeft",
                        TASK_PAGE_NEXT_LEVEL, "Event_Acknowledged")
                .variables().containsEntry("acknowledged", true).containsEntry("acknowledgedBy", "carol");
        assertThat(pages.get(driver.pageId(page)).getAcknowledgedVia()).isEqualTo("api");
    }

    @Test
    void nobodyAcknowledgedAfterEveryLevelIncludingTheWholeGroup() {
        ProcessInstance page = driver.page(incidentId, "erp-team", "ERP invoices fail");
        for (int level = 1; level <= 3; level++) {
            driver.pageNextLevel(page);
            driver.ackTimeout(page);
        }

        assertThat(page).isEnded().hasPassed("Event_EveryLevelPaged", "Task_RecordNoAcknowledgement",
                        "Event_NobodyAcknowledged").hasNotPassed("Event_Acknowledged")
                .variables().containsEntry("acknowledged", false).containsEntry("acknowledgedBy", null);
        // the last level is the group's members; the lead only when it has none
        assertThat(driver.messages(page)).filteredOn(m -> m.getPageLevel() == 3).extracting(Notification::getRecipient)
                .contains("alice", "bob", "carol", "dave").doesNotContain("erp-lead");
        Page recorded = pages.get(driver.pageId(page));
        assertThat(recorded.getState()).isEqualTo(PageState.UNACKNOWLEDGED);
        assertThat(recorded.getLevelCount()).isEqualTo(3);
        assertThat(timeline.timeline(incidentId)).extracting(IncidentEvent::getType).filteredOn(t -> t.startsWith("PAGE"))
                .containsExactly("PAGED", "PAGED", "PAGED", "PAGE_UNACKNOWLEDGED");

        // a late acknowledgement is recorded, but the escalation is over and stays "nobody acknowledged"
        PageService.Acknowledgement late = pages.acknowledgeAs(recorded.getId(), new CurrentUser("bob", Set.of()));
        assertThat(late.recorded()).isTrue();
        assertThat(late.page().getState()).isEqualTo(PageState.UNACKNOWLEDGED);
        assertThat(late.page().getAcknowledgedBy()).isEqualTo("bob");
    }

    @Test
    void leadFirstPagesTheLeadThenTheGroupsLevels() {
        ProcessInstance page = driver.pageLeadFirst(incidentId, "erp-team", "Resolution target nearly used up");

        driver.pageNextLevel(page);
        driver.ackTimeout(page);
        driver.pageNextLevel(page);

        assertThat(driver.messages(page)).extracting(Notification::getRecipient, Notification::getPageLevel)
                .containsOnly(tuple("erp-lead", 1), tuple("alice", 2));
        assertThat(pages.get(driver.pageId(page)).getLevelCount()).isEqualTo(4);
        assertThat(timeline.timeline(incidentId)).filteredOn(e -> e.getType().equals("PAGED"))
                .extracting(IncidentEvent::getDetail).first().asString()
                .startsWith("Level 1 of 4 of erp-team paged (its lead): erp-lead (email)");
    }

    @Test
    void groupWithNobodyOnCallFallsBackToItsMembers() {
        String group = "fallback-members-" + UUID.randomUUID().toString().substring(0, 8);
        String member = group + "-member";
        identity.saveGroup(identity.newGroup(group));
        User user = identity.newUser(member);
        user.setEmail(member + "@example.com");
        identity.saveUser(user);
        identity.createMembership(member, group);
        ProcessInstance page = driver.page(incidentId, group, "Nobody on call");

        driver.pageNextLevel(page);

        assertThat(driver.messages(page)).extracting(Notification::getRecipient, Notification::getPageLevel)
                .containsExactly(tuple(member, 1));
        assertThat(pages.get(driver.pageId(page)).getLevelCount()).isEqualTo(1);
    }

    @Test
    void groupWithNobodyOnCallAndNoMembersFallsBackToItsLead() {
        String group = "fallback-lead-" + UUID.randomUUID().toString().substring(0, 8);
        schedules.save(new OnCallSchedule(group + "-oncall", group, ZoneId.of("Europe/Berlin"), "erp-lead", List.of()));
        ProcessInstance page = driver.page(incidentId, group, "Nobody on call, no members");

        driver.pageNextLevel(page);

        assertThat(driver.messages(page)).extracting(Notification::getRecipient).containsOnly("erp-lead");
        assertThat(timeline.timeline(incidentId)).filteredOn(e -> e.getType().equals("PAGED"))
                .extracting(IncidentEvent::getDetail).singleElement().asString()
                .startsWith("Level 1 of 1 of " + group + " paged (nobody on call and no members: its lead): erp-lead");
    }

    @Test
    void groupWithNobodyToPageEndsAsCockpitIncidentAfterTheRetries() {
        ProcessInstance page = driver.page(incidentId, "no-such-team", "Nobody there");

        for (int attempt = 0; attempt < 6; attempt++) {
            assertThatThrownBy(() -> driver.pageNextLevel(page))
                    .hasMessage("Nobody to page at level 1 of group no-such-team: nobody on call (on-call file), "
                            + "no members in Camunda and no lead");
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(page.getId()).singleResult().getActivityId())
                .isEqualTo(TASK_PAGE_NEXT_LEVEL);
        assertThat(page).isWaitingAt(TASK_PAGE_NEXT_LEVEL);
    }

    @Test
    void calledFromAnotherProcessItReturnsWhoAcknowledged() {
        repository.createDeployment().name("page-caller-test").addModelInstance("page-caller.bpmn",
                Bpmn.createExecutableProcess("page-caller").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .callActivity("Task_PageTriage").calledElement(PROCESS_KEY)
                        .camundaIn("incidentId", "incidentId").camundaIn("team", "pageGroup")
                        .camundaIn("why", "pageSummary").camundaIn("wait", "ackTimeout")
                        .camundaOut("acknowledgedBy", "responder").camundaOut("acknowledged", "engaged")
                        .userTask("Task_Work").camundaCandidateGroups("service-desk")
                        .endEvent().done()).deploy();
        ProcessInstance caller = runtime.startProcessInstanceByKey("page-caller", Map.of("incidentId", incidentId,
                "team", "erp-team", "why", "Triage needed", "wait", "PT2M"));
        ProcessInstance page = runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();

        driver.pageNextLevel(page);
        assertThat(driver.job(page, EVENT_ACK_TIMEOUT).getDuedate().toInstant()).isEqualTo(MONDAY.plus(Duration.ofMinutes(2)));
        pages.acknowledgeAs(driver.pageId(page), new CurrentUser("alice", Set.of()));

        assertThat(caller).isWaitingAt("Task_Work").variables()
                .containsEntry("responder", "alice").containsEntry("engaged", true);
    }
}
