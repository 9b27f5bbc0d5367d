package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentRepository;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.MajorPhase;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.ResolutionType;
import io.incidentflow.incident.problem.ProblemRecord;
import io.incidentflow.incident.problem.ProblemService;
import io.incidentflow.incident.problem.ProblemVariables;
import io.incidentflow.incident.review.ReviewService;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.notify.page.PageDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through processes/incident.bpmn, named after the path. */
@IncidentFlowTest
class IncidentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired IncidentDriver driver;
    @Autowired IncidentService incidents;
    @Autowired IncidentRepository incidentRows;
    @Autowired NotificationRepository notifications;
    @Autowired ProblemService problems;
    @Autowired ReviewService reviews;
    @Autowired PageDriver pages;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fixedAtLevel1() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        ProcessInstance instance = driver.instance(incident.getId());
        assertThat(instance).isWaitingAt(TASK_INITIAL_DIAGNOSIS);
        assertThat(driver.task(incident.getId(), TASK_INITIAL_DIAGNOSIS)).hasCandidateGroup("service-desk");

        driver.resolveAtLevel1(incident.getId(), "fix");
        assertThat(driver.incident(incident.getId()).getState()).isEqualTo(IncidentState.RESOLVED);
        driver.complete(incident.getId(), TASK_CONFIRM_WITH_CALLER, Map.of("callerAnswer", "restored"));

        assertThat(instance).isEnded().hasPassedInOrder(TASK_INITIAL_DIAGNOSIS, "Event_ResolvedAtLevel1",
                "Task_RecordResolution", TASK_CONFIRM_WITH_CALLER, "Task_CloseIncident", "Event_IncidentClosed");
        assertThat(instance).hasNotPassed(TASK_FUNCTIONAL_ESCALATION, TASK_POST_INCIDENT_REVIEW,
                "Task_OpenProblemRecord");
        Incident closed = driver.incident(incident.getId());
        assertThat(closed.getPriority()).isEqualTo(Priority.P3);
        assertThat(closed.getState()).isEqualTo(IncidentState.CLOSED);
        assertThat(closed.getClosure()).isEqualTo("confirmed");
        assertThat(closed.getResolutionType()).isEqualTo(ResolutionType.FIX);
        assertThat(incidents.timeline(incident.getId())).extracting(IncidentEvent::getType)
                .containsExactly("LOGGED", "CATEGORIZED", "PRIORITIZED", "RESOLVED", "CLOSED");
    }

    @Test
    void escalatedToLevel2() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        ProcessInstance instance = driver.instance(incident.getId());
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));

        assertThat(driver.task(incident.getId(), TASK_FUNCTIONAL_ESCALATION)).hasCandidateGroup("erp-team");
        driver.complete(incident.getId(), TASK_FUNCTIONAL_ESCALATION, Map.of("escalationOutcome", "resolved",
                "resolutionType", "fix", "resolutionNotes", "Patched the interface"));
        driver.complete(incident.getId(), TASK_CONFIRM_WITH_CALLER, Map.of("callerAnswer", "restored"));

        assertThat(instance).isEnded().hasPassed("Event_ResolvedAtLevel2", "Event_IncidentClosed")
                .hasNotPassed("Event_ResolvedAtLevel1");
        assertThat(driver.incident(incident.getId()).getState()).isEqualTo(IncidentState.CLOSED);
    }

    @Test
    void vendorEngaged() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        driver.complete(incident.getId(), TASK_FUNCTIONAL_ESCALATION, Map.of("escalationOutcome", "engageVendor",
                "vendorReference", "VENDOR-4711"));

        assertThat(driver.task(incident.getId(), TASK_AWAIT_VENDOR)).hasCandidateGroup("erp-team");
        assertThat(driver.incident(incident.getId()).getState()).isEqualTo(IncidentState.ON_HOLD);
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).isSuspended()).isTrue();

        driver.complete(incident.getId(), TASK_AWAIT_VENDOR, Map.of("vendorOutcome", "Vendor shipped a hotfix"));
        assertThat(driver.incident(incident.getId()).getState()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).isSuspended()).isFalse();
        driver.complete(incident.getId(), TASK_FUNCTIONAL_ESCALATION, Map.of("escalationOutcome", "resolved",
                "resolutionType", "fix", "resolutionNotes", "Hotfix applied"));

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_CONFIRM_WITH_CALLER)
                .hasPassedInOrder(TASK_FUNCTIONAL_ESCALATION, "Task_PauseForVendor", TASK_AWAIT_VENDOR,
                        "Task_ResumeAfterVendor", TASK_FUNCTIONAL_ESCALATION, "Event_ResolvedAtLevel2");
    }

    @Test
    void workaroundOpensFollowUpProblemRecord() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.resolveAtLevel1(incident.getId(), "workaround");

        assertThat(driver.instance(incident.getId())).hasPassed("Task_OpenProblemRecord")
                .isWaitingAt(TASK_CONFIRM_WITH_CALLER);
        ProblemRecord problem = problems.list(null).stream()
                .filter(p -> p.getIncidentId().equals(incident.getId())).findFirst().orElseThrow();
        assertThat(problem.getState()).isEqualTo(ProblemRecord.State.OPEN);
        assertThat(problem.getWorkaround()).isEqualTo("Restarted the service");
        assertThat(driver.task(ProblemVariables.PROCESS_KEY, problem.getId(), "Task_RecordPermanentFix"))
                .hasCandidateGroup("erp-team");

        driver.fire(problem.getId(), "Event_FixReminderDue");
        driver.fire(problem.getId(), "Event_FixReminderDue");
        assertThat(templatesSentFor(incident)).containsExactly("problem-reminder", "problem-reminder");

        String fixTask = driver.task(ProblemVariables.PROCESS_KEY, problem.getId(), "Task_RecordPermanentFix").getId();
        engine.getTaskService().complete(fixTask, Map.of("permanentFix", "Memory leak fixed in release 2.3",
                "changeReference", "CHG-1001"));
        ProblemRecord fixed = problems.get(problem.getId());
        assertThat(fixed.getState()).isEqualTo(ProblemRecord.State.FIXED);
        assertThat(fixed.getChangeReference()).isEqualTo("CHG-1001");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(problem.getId()).count()).isZero();
    }

    @Test
    void reopenedWhenCallerSaysNotFixed() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.resolveAtLevel1(incident.getId(), "fix");
        Instant resolutionDue = driver.incident(incident.getId()).getResolutionDueAt();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(30))));

        driver.complete(incident.getId(), TASK_CONFIRM_WITH_CALLER, Map.of("callerAnswer", "notFixed",
                "callerComment", "Still failing"));

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_INITIAL_DIAGNOSIS)
                .hasPassed("Task_ReopenIncident");
        Incident reopened = driver.incident(incident.getId());
        assertThat(reopened.getState()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(runtime.getVariables(driver.instance(incident.getId()).getId()))
                .doesNotContainKeys("diagnosisOutcome", "resolutionType", "resolutionNotes", "callerAnswer");
        // the half hour the incident spent resolved is not charged to the resolution target
        assertThat(Duration.between(resolutionDue, reopened.getResolutionDueAt()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void autoClosedWithoutCallerAnswer() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        ProcessInstance instance = driver.instance(incident.getId());
        driver.resolveAtLevel1(incident.getId(), "fix");

        Job wait = driver.job(incident.getId(), EVENT_NO_CALLER_ANSWER);
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), wait.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(3).minusMinutes(1), Duration.ofDays(3));
        driver.fire(incident.getId(), EVENT_NO_CALLER_ANSWER);

        assertThat(instance).isEnded().hasPassed("Task_AutoCloseIncident", "Event_IncidentClosed")
                .hasNotPassed("Task_CloseIncident");
        Incident closed = driver.incident(incident.getId());
        assertThat(closed.getState()).isEqualTo(IncidentState.CLOSED);
        assertThat(closed.getClosure()).isEqualTo("auto");
    }

    @Test
    void responseWarningRecordedAndServiceDeskLeadPagedWhenNobodyTookIt() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        Job warning = driver.job(incident.getId(), EVENT_RESPONSE_WARNING);
        // P3: 120 minutes to respond, warned at 75% = 90 minutes after logging
        assertThat(Duration.between(incident.getCreatedAt(), warning.getDuedate().toInstant()))
                .isEqualTo(Duration.ofMinutes(90));

        driver.fire(incident.getId(), EVENT_RESPONSE_WARNING);

        // the page starts asynchronously (IncidentPagingProcessTest follows it)
        assertThat(driver.instance(incident.getId())).hasPassed("Task_WarnServiceDeskLead")
                .isWaitingAt(TASK_INITIAL_DIAGNOSIS, TASK_PAGE_SERVICE_DESK_LEAD);
        assertThat(incidents.timeline(incident.getId())).filteredOn(e -> e.getType().equals("SLA_WARNING"))
                .extracting(IncidentEvent::getDetail).containsExactly("response target 75% used; lead of service-desk paged");
    }

    @Test
    void responseWarningSkippedWhenTaskAlreadyTaken() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.claim(incident.getId(), TASK_INITIAL_DIAGNOSIS, "desk");

        driver.fire(incident.getId(), EVENT_RESPONSE_WARNING);

        assertThat(driver.instance(incident.getId())).hasPassed("Event_ResponseWarningNotNeeded")
                .hasNotPassed("Task_WarnServiceDeskLead");
        assertThat(templatesSentFor(incident)).isEmpty();
        assertThat(driver.incident(incident.getId()).getRespondedAt()).isNotNull();
    }

    @Test
    void responseBreachRecorded() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);

        driver.fire(incident.getId(), EVENT_RESPONSE_BREACHED);

        assertThat(driver.instance(incident.getId())).hasPassed("Task_RecordResponseBreach")
                .isWaitingAt(TASK_INITIAL_DIAGNOSIS);
        Incident breached = driver.incident(incident.getId());
        assertThat(breached.isResponseBreached()).isTrue();
        assertThat(breached.getTier()).isEqualTo(IncidentTier.NORMAL);
        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_PAGE_SERVICE_DESK_LEAD_ON_BREACH);
    }

    @Test
    void resolutionWarningPagesResolverGroupLead() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        Job warning = driver.job(incident.getId(), EVENT_RESOLUTION_WARNING);
        // P3: 1440 minutes to resolve, warned at 75% = 1080 minutes after logging
        assertThat(Duration.between(incident.getCreatedAt(), warning.getDuedate().toInstant()))
                .isEqualTo(Duration.ofMinutes(1080));

        driver.fire(incident.getId(), EVENT_RESOLUTION_WARNING);

        assertThat(driver.instance(incident.getId())).hasPassed("Task_WarnResolverLead")
                .isWaitingAt(TASK_FUNCTIONAL_ESCALATION, TASK_PAGE_RESOLVER_LEAD);
        ProcessInstance page = driver.startPage(incident.getId(), TASK_PAGE_RESOLVER_LEAD);
        pages.pageNextLevel(page);
        assertThat(pages.messages(page)).extracting(Notification::getRecipient).containsOnly("erp-lead");
    }

    @Test
    void resolutionBreachEscalatesToMajorIncident() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        ProcessInstance instance = driver.instance(incident.getId());
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));

        driver.fire(incident.getId(), EVENT_RESOLUTION_BREACHED);

        assertThat(instance).isWaitingAt(TASK_MAJOR_INCIDENT).hasPassed("Task_RecordResolutionBreach",
                "Task_EscalateOnBreach");
        Incident escalated = driver.incident(incident.getId());
        assertThat(escalated.isResolutionBreached()).isTrue();
        assertThat(escalated.getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(escalated.getMajorPhase()).isEqualTo(MajorPhase.TRIAGE);
        assertThat(escalated.getMajorReason()).isEqualTo("Resolution target breached");
    }

    @Test
    void pauseAndResumeMoveTheDueDates() {
        ClockUtil.setCurrentTime(new Date());
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        Date breachDue = driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).getDuedate();
        Date warningDue = driver.job(incident.getId(), EVENT_RESOLUTION_WARNING).getDuedate();
        Date responseDue = driver.job(incident.getId(), EVENT_RESPONSE_BREACHED).getDuedate();

        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "awaitCaller"));
        assertThat(driver.incident(incident.getId()).getState()).isEqualTo(IncidentState.ON_HOLD);
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).isSuspended()).isTrue();
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_WARNING).isSuspended()).isTrue();

        Duration onHold = Duration.ofHours(2);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(onHold)));
        driver.complete(incident.getId(), TASK_AWAIT_CALLER, Map.of("callerResponse", "Sent the screenshot"));

        Job breach = driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED);
        assertThat(breach.isSuspended()).isFalse();
        assertThat(breach.getDuedate().toInstant()).isEqualTo(breachDue.toInstant().plus(onHold));
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_WARNING).getDuedate().toInstant())
                .isEqualTo(warningDue.toInstant().plus(onHold));
        // the diagnosis task is created anew; its response timer follows the moved due date too
        assertThat(driver.job(incident.getId(), EVENT_RESPONSE_BREACHED).getDuedate().toInstant())
                .isEqualTo(responseDue.toInstant().plus(onHold));
        Incident resumed = driver.incident(incident.getId());
        assertThat(resumed.getState()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(resumed.getPausedSeconds()).isEqualTo(onHold.toSeconds());
        assertThat(resumed.getResolutionDueAt()).isEqualTo(breachDue.toInstant().plus(onHold));
        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_INITIAL_DIAGNOSIS)
                .hasPassedInOrder("Task_PauseForCaller", TASK_AWAIT_CALLER, "Task_ResumeAfterCaller");
    }

    @Test
    void majorByCriteriaHandedToMajorIncidentManagement() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_MAJOR_INCIDENT)
                .hasPassedInOrder("Task_AssessMajor", "Task_HandOverToMajor").hasNotPassed(TASK_INITIAL_DIAGNOSIS);
        Incident major = driver.incident(incident.getId());
        assertThat(major.getPriority()).isEqualTo(Priority.P1);
        assertThat(major.getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(major.getMajorPhase()).isEqualTo(MajorPhase.TRIAGE);
        assertThat(major.getMajorReason()).isEqualTo("Priority 1 with widespread impact");
    }

    @Test
    void postIncidentReviewForPriority2() {
        Incident incident = driver.log("erp", Level.HIGH, Level.MEDIUM);
        assertThat(incident.getPriority()).isEqualTo(Priority.P2);
        ProcessInstance instance = driver.instance(incident.getId());
        driver.resolveAtLevel1(incident.getId(), "fix");
        driver.complete(incident.getId(), TASK_CONFIRM_WITH_CALLER, Map.of("callerAnswer", "restored"));

        assertThat(driver.task(incident.getId(), TASK_POST_INCIDENT_REVIEW)).hasCandidateGroup("erp-team");
        driver.complete(incident.getId(), TASK_POST_INCIDENT_REVIEW, Map.of("reviewCause", "Expired TLS certificate",
                "reviewContributingFactors", "No expiry monitoring", "reviewActions", "Add certificate expiry alerts"));

        assertThat(instance).isEnded().hasPassed("Task_FileReview", "Event_IncidentClosed");
        assertThat(reviews.find(null, "tls certificate")).extracting(r -> r.getIncidentId()).contains(incident.getId());
    }

    @Test
    void startedFromTasklistStartFormGetsAnIncidentId() {
        Map<String, Object> form = new HashMap<>(Map.of("title", "Printer on floor 3 jams", "caller", "bob",
                "vipCaller", false, "serviceId", "service-portal", "category", "hardware", "impact", "low",
                "urgency", "low"));
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, form);

        ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(started.getBusinessKey()).matches("INC-\\d{6}");
        Incident incident = driver.incident(started.getBusinessKey());
        assertThat(incident.getPriority()).isEqualTo(Priority.P4);
        assertThat(incident.getSource().name()).isEqualTo("TASKLIST");
        assertThat(instance).isWaitingAt(TASK_INITIAL_DIAGNOSIS);
    }

    @Test
    void tasklistStartWithUnknownServiceIsRefusedAndNothingIsStored() {
        long before = incidentRows.count();
        Map<String, Object> form = Map.of("title", "Broken", "caller", "bob", "serviceId", "no-such-service",
                "category", "hardware", "impact", "low", "urgency", "low");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, form))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("serviceId");
        assertThat(incidentRows.count()).isEqualTo(before);
    }

    @Test
    void agentWorkingInTasklistPutsOnHoldAndOpensProblemRecordsWithTheirOwnRights() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        if (engine.getIdentityService().createUserQuery().userId("tasklist-agent").count() == 0) {
            engine.getIdentityService().saveUser(engine.getIdentityService().newUser("tasklist-agent"));
            engine.getIdentityService().createMembership("tasklist-agent", "service-desk");
        }
        asAgent(() -> driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS,
                Map.of("diagnosisOutcome", "awaitCaller")));
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).isSuspended()).isTrue();
        asAgent(() -> {
            driver.complete(incident.getId(), TASK_AWAIT_CALLER, Map.of("callerResponse", "Here it is"));
            driver.resolveAtLevel1(incident.getId(), "workaround");
        });

        assertThat(driver.passedActivities(incident.getId())).contains("Task_PauseForCaller", "Task_OpenProblemRecord");
        assertThat(incidents.timeline(incident.getId())).filteredOn(e -> e.getType().equals("ON_HOLD"))
                .extracting(IncidentEvent::getActor).containsExactly("tasklist-agent");
        assertThat(problems.list(null)).extracting(ProblemRecord::getIncidentId).contains(incident.getId());
        assertThat(driver.job(incident.getId(), EVENT_NO_CALLER_ANSWER)).isNotNull();
    }

    private void asAgent(Runnable tasklistClicks) {
        // as in Tasklist; the steps that follow must not depend on what the agent may see in the engine
        engine.getIdentityService().setAuthentication("tasklist-agent", List.of("service-desk"));
        try {
            tasklistClicks.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> templatesSentFor(Incident incident) {
        return notifications.findByIncidentIdOrderByIdAsc(incident.getId()).stream()
                .map(Notification::getTemplate).toList();
    }
}
