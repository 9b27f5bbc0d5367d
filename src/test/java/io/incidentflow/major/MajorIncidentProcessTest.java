package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentModel.*;
import static io.incidentflow.major.MajorIncidentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.continuity.ContinuityDriver;
import io.incidentflow.continuity.ContinuityEndedWithoutRecovery;
import io.incidentflow.continuity.ContinuityModel;
import io.incidentflow.continuity.ContinuityProperties;
import io.incidentflow.continuity.ContinuityRecoveryVerified;
import io.incidentflow.incident.Category;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.MajorPhase;
import io.incidentflow.incident.MonitoringRecoveryReported;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.incident.ResolutionType;
import io.incidentflow.incident.problem.ProblemService;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentProcess;
import io.incidentflow.incident.review.IncidentReview;
import io.incidentflow.incident.review.ReviewKind;
import io.incidentflow.incident.review.ReviewService;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.notify.page.PageDriver;
import io.incidentflow.notify.page.PageModel;
import io.incidentflow.notify.page.PageService;
import io.incidentflow.security.CurrentUser;
import io.incidentflow.security.Roles;
import io.incidentflow.common.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One test per path through processes/major-incident.bpmn and through the major-incident paths of
 * processes/incident.bpmn (how an incident gets there, and how it comes back), named after the path.
 */
@IncidentFlowTest
class MajorIncidentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired IdentityService identity;
    @Autowired IncidentDriver driver;
    @Autowired IncidentProcess process;
    @Autowired IncidentService incidents;
    @Autowired MajorIncidentService majorIncidents;
    @Autowired MajorIncidentProperties properties;
    @Autowired NotificationRepository notifications;
    @Autowired ReviewService reviews;
    @Autowired ProblemService problems;
    @Autowired ContinuityDriver continuity;
    @Autowired ContinuityProperties continuityProperties;
    @Autowired PageDriver pages;
    @Autowired PageService pageService;
    @Autowired ApplicationEventPublisher events;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        // whole seconds: a repeating timer computes its next due date without the milliseconds
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- entry points ---------------------------------------------------------------------------------

    @Test
    void criteriaBasedEntryPagesTheTriageTeam() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_MAJOR_INCIDENT)
                .hasPassed("Task_HandOverToMajor").hasNotPassed(TASK_INITIAL_DIAGNOSIS);
        ProcessInstance major = majorInstance(incident.getId());
        assertThat(major).isWaitingAt(TASK_SITUATIONAL_ANALYSIS, "Task_PageTriageTeam");
        assertThat(majorTask(incident.getId(), TASK_SITUATIONAL_ANALYSIS)).hasCandidateGroup(Roles.TRIAGE_TEAM);
        ProcessInstance paging = instance(PageModel.PROCESS_KEY, incident.getId());
        assertThat(runtime.getVariable(paging.getId(), "pageGroup")).isEqualTo(Roles.TRIAGE_TEAM);
        driver.fire(incident.getId(), PageModel.TASK_PAGE_NEXT_LEVEL);
        // triage-team's level 1 in the test on-call file
        assertThat(notifications.findByIncidentIdOrderByIdAsc(incident.getId())).filteredOn(n -> "paged".equals(
                n.getTemplate())).extracting(Notification::getRecipient).contains("tina");
        Incident escalated = driver.incident(incident.getId());
        assertThat(escalated.getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(escalated.getMajorPhase()).isEqualTo(MajorPhase.TRIAGE);
        assertThat(timeline(incident.getId())).containsSubsequence("ESCALATED_TO_MAJOR", "TRIAGE_OPENED");
        assertThat(driver.job(incident.getId(), EVENT_TRIAGE_TIME_BOX_EXPIRED).getDuedate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(properties.triageTimeBox()));
    }

    @Test
    void slaBreachEntry() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));

        driver.fire(incident.getId(), EVENT_RESOLUTION_BREACHED);

        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_SITUATIONAL_ANALYSIS);
        assertThat(runtime.getVariable(majorInstance(incident.getId()).getId(), "majorReason"))
                .isEqualTo("Resolution target breached");
    }

    @Test
    void declaredEntryLeavesTheCurrentStep() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);

        majorIncidents.declare(incident.getId(), "Whole finance department cannot post invoices",
                user("sd", Roles.SERVICE_DESK));

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_MAJOR_INCIDENT)
                .hasPassedInOrder("Event_MajorIncidentDeclared", "Task_EscalateOnDeclaration");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(incident.getId())
                .taskDefinitionKey(TASK_INITIAL_DIAGNOSIS).count()).isZero();
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_SITUATIONAL_ANALYSIS);
        assertThat(driver.incident(incident.getId()).getMajorReason())
                .startsWith("Declared by sd-").endsWith(": Whole finance department cannot post invoices");
    }

    @Test
    void declaringWhileOnHoldEndsTheHold() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "awaitCaller"));
        Instant dueBefore = driver.incident(incident.getId()).getResolutionDueAt();
        advance(Duration.ofMinutes(40));

        majorIncidents.declare(incident.getId(), "Spreading to other departments", user("sd", Roles.SERVICE_DESK));

        Incident declared = driver.incident(incident.getId());
        assertThat(declared.getState()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(declared.getResolutionDueAt()).isEqualTo(dueBefore.plus(Duration.ofMinutes(40)));
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_SITUATIONAL_ANALYSIS);
    }

    @Test
    void declaringAnIncidentAlreadyInTriageIsAConflict() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        assertThatThrownBy(() -> majorIncidents.declare(incident.getId(), "again", user("mim",
                Roles.MAJOR_INCIDENT_MANAGERS)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already in major incident management");
    }

    @Test
    void directCriticalEventEntersTriage() {
        // low impact and urgency: only the critical event makes it major
        Incident incident = process.logCriticalEvent(new NewIncident("Payment gateway health check failing",
                "Alertmanager: PaymentGatewayDown", "alertmanager", false, "payments", Category.SOFTWARE,
                Level.LOW, Level.LOW), IncidentSource.ALERTMANAGER);

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_MAJOR_INCIDENT)
                .hasPassedInOrder("Event_CriticalEventReceived", "Task_RegisterIncident", "Task_AssessMajor");
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_SITUATIONAL_ANALYSIS);
        assertThat(driver.incident(incident.getId()).getMajorReason())
                .isEqualTo("Critical monitoring event on a mission-critical service");
    }

    // --- triage ---------------------------------------------------------------------------------------

    @Test
    void activateStartsTheCase() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        triage(incident.getId(), "activate");

        ProcessInstance major = majorInstance(incident.getId());
        assertThat(major).isWaitingAt(TASK_ASSIGN_ROLES).hasPassedInOrder("Task_ActivateMajorIncident",
                "Task_AnnounceBridges");
        Incident active = driver.incident(incident.getId());
        assertThat(active.getMajorPhase()).isEqualTo(MajorPhase.ACTIVE);
        // payments is hot standby: the continuity decision is due an hour after activation
        Instant timeBoxEnds = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1));
        assertThat(active.getMajorTimeBoxEndsAt()).isEqualTo(timeBoxEnds);
        assertThat(driver.job(incident.getId(), EVENT_TIME_BOX_EXPIRED).getDuedate().toInstant()).isEqualTo(timeBoxEnds);
        // the decision ended the paging
        assertThat(instance(PageModel.PROCESS_KEY, incident.getId())).isNull();
        assertThat(notifications.findByIncidentIdOrderByIdAsc(incident.getId())).filteredOn(n -> "bridge-opened".equals(
                n.getTemplate())).extracting(Notification::getRecipient).contains("paula", "business-stakeholders");
        assertThat(timeline(incident.getId())).contains("MAJOR_ACTIVATED", "BRIDGES_OPENED");
    }

    @Test
    void deactivateReturnsToLevel1() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        ProcessInstance tier1 = driver.instance(incident.getId());
        Date resolutionDue = (Date) runtime.getVariable(tier1.getId(), "resolutionDueAt");

        triage(incident.getId(), "deactivate");

        assertThat(majorInstance(incident.getId())).isNull();
        assertThat(tier1).isWaitingAt(TASK_INITIAL_DIAGNOSIS).hasPassedInOrder(TASK_MAJOR_INCIDENT,
                "Task_ResumeNormalHandling");
        Incident back = driver.incident(incident.getId());
        assertThat(back.getTier()).isEqualTo(IncidentTier.NORMAL);
        assertThat(back.getMajorPhase()).isEqualTo(MajorPhase.DEACTIVATED);
        // the clock kept counting through triage: the breach is still due when it was
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).getDuedate()).isEqualTo(resolutionDue);
    }

    @Test
    void deactivateReturnsToTheSameLevel2StepOfTheSameInstance() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        ProcessInstance tier1 = driver.instance(incident.getId());
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        Date resolutionDue = driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).getDuedate();
        majorIncidents.declare(incident.getId(), "Looks bigger", user("erp", "erp-team"));
        advance(Duration.ofMinutes(10));

        triage(incident.getId(), "deactivate");

        assertThat(driver.instance(incident.getId()).getId()).isEqualTo(tier1.getId());
        assertThat(tier1).isWaitingAt(TASK_FUNCTIONAL_ESCALATION);
        assertThat(driver.task(incident.getId(), TASK_FUNCTIONAL_ESCALATION)).hasCandidateGroup("erp-team");
        assertThat(driver.passedActivities(incident.getId()).stream().filter(TASK_FUNCTIONAL_ESCALATION::equals))
                .hasSize(2);
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).getDuedate()).isEqualTo(resolutionDue);
        assertThat(timeline(incident.getId())).containsSubsequence("ESCALATED_TO_MAJOR", "MAJOR_DEACTIVATED");
    }

    @Test
    void deactivatedAfterABreachEscalatesAgainOneResolutionTargetLater() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        driver.fire(incident.getId(), EVENT_RESOLUTION_BREACHED);

        triage(incident.getId(), "deactivate");

        assertThat(driver.instance(incident.getId())).isWaitingAt(TASK_FUNCTIONAL_ESCALATION);
        // P3: 1440 minutes to resolve; breached already, so not at once but a whole target from now
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED).getDuedate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(1440)));
        assertThat(timeline(incident.getId())).contains("ESCALATION_RESCHEDULED");
    }

    @Test
    void triageTimeOutActivates() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        driver.fire(incident.getId(), EVENT_TRIAGE_TIME_BOX_EXPIRED);

        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_ASSIGN_ROLES)
                .hasPassed(EVENT_TRIAGE_TIME_BOX_EXPIRED).hasNotPassed("Gateway_TriageDecision");
        assertThat(driver.incident(incident.getId()).getMajorPhase()).isEqualTo(MajorPhase.ACTIVE);
        assertThat(details(incident.getId(), "MAJOR_ACTIVATED"))
                .contains("no triage decision within " + properties.triageTimeBox());
    }

    // --- the active case ------------------------------------------------------------------------------

    @Test
    void threeExperimentsRunInParallel() {
        String id = activeMajorIncident();
        List<String> hypotheses = List.of("Certificate expired", "Database connection pool exhausted",
                "Faulty deployment 4711");
        for (String hypothesis : hypotheses) {
            majorIncidents.proposeExperiment(id, hypothesis, "Check " + hypothesis);
        }

        List<Task> running = driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_RUN_EXPERIMENT);
        assertThat(running).hasSize(3);
        assertThat(running).extracting(t -> taskService.getVariable(t.getId(), "hypothesis"))
                .containsExactlyElementsOf(hypotheses);
        driver.complete(running.get(2), Map.of("experimentOutcome", "confirmed", "experimentFindings", "Rolled back"));
        driver.complete(running.get(0), Map.of("experimentOutcome", "refuted", "experimentFindings", "Valid until 2027"));

        assertThat(driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_RUN_EXPERIMENT)).hasSize(1);
        assertThat(majorIncidents.experiments(id)).extracting(Experiment::getHypothesis, Experiment::getOutcome,
                        Experiment::getFindings)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Certificate expired", ExperimentOutcome.REFUTED,
                                "Valid until 2027"),
                        org.assertj.core.groups.Tuple.tuple("Database connection pool exhausted", null, null),
                        org.assertj.core.groups.Tuple.tuple("Faulty deployment 4711", ExperimentOutcome.CONFIRMED,
                                "Rolled back"));
        // the third experiment's form starts empty, not with the answers of the others
        assertThat(taskService.getVariable(running.get(1).getId(), "experimentOutcome")).isNull();
    }

    @Test
    void experimentsAreRefusedOutsideAnActiveMajorIncident() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        assertThatThrownBy(() -> majorIncidents.proposeExperiment(incident.getId(), "h", "a"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("triage");
        assertThat(majorIncidents.experiments(incident.getId())).isEmpty();
    }

    @Test
    void stakeholderUpdateFiresOncePerCadence() {
        String id = activeMajorIncident();
        Duration cadence = properties.updateCadence().get(io.incidentflow.incident.Priority.P1);
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(cadence);

        for (int update = 1; update <= 3; update++) {
            Job timer = driver.job(id, EVENT_STAKEHOLDER_UPDATE_DUE);
            assertThat(timer.getDuedate().toInstant()).as("update %d due", update).isEqualTo(due);
            ClockUtil.setCurrentTime(Date.from(due));
            driver.fire(id, EVENT_STAKEHOLDER_UPDATE_DUE);
            due = due.plus(cadence);
        }

        List<Task> updates = driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_WRITE_STAKEHOLDER_UPDATE);
        assertThat(updates).hasSize(3).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo(COMMS));
        assertThat(taskService.getVariable(updates.get(0).getId(), "updateImpactedUsers").toString())
                .contains("Online payments").contains("no need to report it");
        Map<String, Object> texts = new HashMap<>();
        texts.put("updateTechnicalStaff", "Failover of the gateway in progress");
        texts.put("updateBusiness", "Card payments fail; cash and invoice work");
        texts.put("updateKeyCustomers", "Card payments are delayed");
        texts.put("updateImpactedUsers", "Card payments fail. Next update 14:30.");
        driver.complete(updates.get(0), texts);

        assertThat(majorIncidents.updates(id)).extracting(StakeholderUpdate::getAudience, StakeholderUpdate::getMessage)
                .contains(org.assertj.core.groups.Tuple.tuple(io.incidentflow.notify.Audience.IMPACTED_USERS,
                        "Card payments fail. Next update 14:30."))
                .hasSize(4);
        // the other two updates keep their own drafts
        assertThat(taskService.getVariable(updates.get(1).getId(), "updateImpactedUsers").toString())
                .contains("no need to report it");
    }

    @Test
    void restoredByAPersonThenPostMortem() {
        String id = activeMajorIncident();
        majorIncidents.proposeExperiment(id, "Still running", "Check");

        driver.complete(majorTask(id, TASK_RESTORE_SERVICE), Map.of("resolutionType", "fix",
                "resolutionNotes", "Renewed the certificate"));

        assertThat(driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_RUN_EXPERIMENT)).as("the case ended its experiments").isEmpty();
        assertThat(driver.incident(id).getState()).isEqualTo(IncidentState.RESOLVED);
        assertThat(driver.incident(id).getMajorPhase()).isEqualTo(MajorPhase.RESTORED);
        Task postMortem = majorTask(id, TASK_POST_MORTEM);
        assertThat(postMortem.getAssignee()).isEqualTo(COMMANDER);
        driver.complete(postMortem, Map.of("reviewCause", "Certificate not in the renewal inventory",
                "reviewActions", "Add all certificates to the inventory"));

        assertThat(driver.passedActivities(MajorIncidentModel.PROCESS_KEY, id)).containsSubsequence("Event_ServiceRestoredByPerson", "Task_RecordRestoration",
                TASK_POST_MORTEM, "Task_FilePostMortem", "Event_MajorIncidentClosed").doesNotContain(
                "Task_OpenProblemRecord");
        assertThat(driver.instance(id)).isNull();
        assertThat(driver.passedActivities(id)).containsSubsequence(TASK_MAJOR_INCIDENT, "Task_CloseAfterMajorIncident",
                "Event_IncidentClosed").doesNotContain(TASK_CONFIRM_WITH_CALLER, TASK_POST_INCIDENT_REVIEW);
        Incident closed = driver.incident(id);
        assertThat(closed.getState()).isEqualTo(IncidentState.CLOSED);
        assertThat(closed.getClosure()).isEqualTo("major");
        assertThat(reviews.find(null, "renewal inventory")).extracting(IncidentReview::getIncidentId,
                IncidentReview::getKind).contains(org.assertj.core.groups.Tuple.tuple(id, ReviewKind.POST_MORTEM));
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).filteredOn(n -> "resolved".equals(n.getTemplate()))
                .extracting(Notification::getRecipient).contains("all-staff", "business-stakeholders");
    }

    @Test
    void restoredByMonitoringRecoveryConfirmedByAPerson() {
        String id = activeMajorIncident();

        majorIncidents.on(new MonitoringRecoveryReported(id, "PagerDuty resolve: checkout healthy"));
        Task first = majorTask(id, TASK_CONFIRM_RECOVERY);
        assertThat(first.getAssignee()).isEqualTo(COMMANDER);
        driver.complete(first, Map.of("recoveryConfirmed", "notRestored"));
        assertThat(majorInstance(id)).isWaitingAt(TASK_RESTORE_SERVICE);

        majorIncidents.on(new MonitoringRecoveryReported(id, "Alertmanager resolved: checkout healthy"));
        Task second = majorTask(id, TASK_CONFIRM_RECOVERY);
        assertThat(taskService.getVariable(second.getId(), "recoveryConfirmed")).isNull();
        driver.complete(second, Map.of("recoveryConfirmed", "restored", "resolutionType", "workaround",
                "resolutionNotes", "Traffic moved to the second gateway"));

        assertThat(majorInstance(id)).isWaitingAt(TASK_POST_MORTEM).hasPassedInOrder("Event_RecoveryConfirmed",
                "Event_ServiceRestoredBoundary", "Task_RecordRestoration", "Task_OpenProblemRecord");
        assertThat(driver.incident(id).getResolutionType()).isEqualTo(ResolutionType.WORKAROUND);
        assertThat(problems.list(null)).extracting(p -> p.getIncidentId()).contains(id);
    }

    @Test
    void monitoringRecoveryDuringTriageWaitsForThePeople() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        majorIncidents.on(new MonitoringRecoveryReported(incident.getId(), "resolved"));

        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_SITUATIONAL_ANALYSIS);
    }

    @Test
    void timeBoxExpiredThenExtendedThenExpiredAgain() {
        String id = activeMajorIncident();

        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        Task decision = majorTask(id, TASK_DECIDE_ON_CONTINUITY);
        assertThat(decision).hasCandidateGroup(Roles.CONTINUITY_MANAGERS);
        driver.complete(decision, Map.of("continuityDecision", "extend", "timeBoxExtensionHours", 2L));

        Instant newDeadline = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2));
        assertThat(driver.incident(id).getMajorTimeBoxEndsAt()).isEqualTo(newDeadline);
        assertThat(driver.job(id, EVENT_EXTENDED_TIME_BOX_EXPIRED).getDuedate().toInstant()).isEqualTo(newDeadline);
        driver.fire(id, EVENT_EXTENDED_TIME_BOX_EXPIRED);

        Task again = majorTask(id, TASK_DECIDE_ON_CONTINUITY);
        assertThat(taskService.getVariable(again.getId(), "continuityDecision")).isNull();
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY, TASK_RESTORE_SERVICE);
    }

    // --- paging --------------------------------------------------------------------------------------

    @Test
    void activationPagesTheMajorIncidentManagers() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        triage(incident.getId(), "activate");

        // asynchronous: the activation is committed before anyone is paged
        assertThat(instance(PageModel.PROCESS_KEY, incident.getId())).isNull();
        ProcessInstance page = pageFrom(incident.getId(), TASK_PAGE_MAJOR_INCIDENT_MANAGERS,
                Roles.MAJOR_INCIDENT_MANAGERS);

        assertThat(pages.messages(page)).extracting(Notification::getRecipient).contains("mia").doesNotContain("milo");
        assertThat(pages.messages(page)).extracting(Notification::getShortText)
                .allSatisfy(text -> assertThat(text).contains("Major incident activated"));
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_ASSIGN_ROLES);
    }

    @Test
    void majorIncidentManagersAcknowledgeAndTheRolesStayOpen() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        triage(incident.getId(), "activate");
        ProcessInstance page = pageFrom(incident.getId(), TASK_PAGE_MAJOR_INCIDENT_MANAGERS,
                Roles.MAJOR_INCIDENT_MANAGERS);

        pageService.acknowledgeAs(pages.pageId(page), new CurrentUser("mia", Set.of()));

        assertThat(page).isEnded();
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_ASSIGN_ROLES)
                .hasPassed("Event_MajorIncidentManagersPaged");
    }

    @Test
    void majorIncidentManagersNotAnsweringEscalateToLevel2() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        triage(incident.getId(), "activate");
        ProcessInstance page = pageFrom(incident.getId(), TASK_PAGE_MAJOR_INCIDENT_MANAGERS,
                Roles.MAJOR_INCIDENT_MANAGERS);

        pages.ackTimeout(page);
        pages.pageNextLevel(page);

        assertThat(pageService.get(pages.pageId(page)).getPagedLevel()).isEqualTo(2);
        assertThat(pages.messages(page)).extracting(Notification::getRecipient).contains("mia", "milo");
    }

    @Test
    void rolesAssignedEndTheMajorIncidentManagersPaging() {
        TestUsers.ensure(identity, COMMANDER);
        TestUsers.ensure(identity, COMMS);
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        triage(incident.getId(), "activate");
        ProcessInstance page = pageFrom(incident.getId(), TASK_PAGE_MAJOR_INCIDENT_MANAGERS,
                Roles.MAJOR_INCIDENT_MANAGERS);

        driver.complete(majorTask(incident.getId(), TASK_ASSIGN_ROLES), Map.of("incidentCommander", COMMANDER,
                "communicationsLead", COMMS));

        assertThat(page).isEnded();
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_RESTORE_SERVICE);
    }

    @Test
    void timeBoxExpiredPagesTheContinuityManagersWithADueDate() {
        String id = activeMajorIncident();

        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        ProcessInstance page = pageFrom(id, TASK_PAGE_CONTINUITY_MANAGERS, Roles.CONTINUITY_MANAGERS);

        Instant due = ClockUtil.getCurrentTime().toInstant().plus(properties.continuityDecisionTime());
        Task decision = majorTask(id, TASK_DECIDE_ON_CONTINUITY);
        assertThat(((Date) taskService.getVariable(decision.getId(), "decisionDueAt")).toInstant()).isEqualTo(due);
        assertThat(driver.job(id, EVENT_DECISION_OVERDUE).getDuedate().toInstant()).isEqualTo(due);
        assertThat(taskService.getVariable(decision.getId(), "continuityServices")).isEqualTo("payments");
        assertThat(pages.messages(page)).extracting(Notification::getRecipient).contains("connie");
        assertThat(timeline(id)).contains("CONTINUITY_DECISION_OPENED");
    }

    @Test
    void continuityManagersAcknowledgeAndTheDecisionStaysOpen() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        ProcessInstance page = pageFrom(id, TASK_PAGE_CONTINUITY_MANAGERS, Roles.CONTINUITY_MANAGERS);

        pageService.acknowledgeAs(pages.pageId(page), new CurrentUser("connie", Set.of()));

        assertThat(page).isEnded();
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY).hasPassed("Event_ContinuityManagersPaged");
    }

    @Test
    void continuityManagersNotAnsweringEscalateToLevel2() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        ProcessInstance page = pageFrom(id, TASK_PAGE_CONTINUITY_MANAGERS, Roles.CONTINUITY_MANAGERS);

        pages.ackTimeout(page);
        pages.pageNextLevel(page);

        // one on-call level in the test schedule: level 2 is the whole group
        assertThat(pageService.get(pages.pageId(page)).getPagedLevel()).isEqualTo(2);
    }

    @Test
    void decisionOverduePagesCrisisManagement() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);

        driver.fire(id, EVENT_DECISION_OVERDUE);
        ProcessInstance page = pageFrom(id, TASK_PAGE_CRISIS_MANAGEMENT, continuityProperties.crisisTeam());

        assertThat(pages.messages(page)).extracting(Notification::getShortText)
                .allSatisfy(text -> assertThat(text).contains("decision overdue").contains(id));
        assertThat(details(id, "CONTINUITY_DECISION_OVERDUE")).contains(continuityProperties.crisisTeam());
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY);
    }

    @Test
    void crisisManagementAcknowledgesTheOverdueDecision() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        driver.fire(id, EVENT_DECISION_OVERDUE);
        ProcessInstance page = pageFrom(id, TASK_PAGE_CRISIS_MANAGEMENT, continuityProperties.crisisTeam());

        pageService.acknowledgeAs(pages.pageId(page), new CurrentUser("connie", Set.of()));

        assertThat(page).isEnded();
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY).hasPassed("Event_CrisisManagementPaged");
    }

    @Test
    void crisisManagementNotAnsweringEscalatesToLevel2() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        driver.fire(id, EVENT_DECISION_OVERDUE);
        ProcessInstance page = pageFrom(id, TASK_PAGE_CRISIS_MANAGEMENT, continuityProperties.crisisTeam());

        pages.ackTimeout(page);
        pages.pageNextLevel(page);

        assertThat(pageService.get(pages.pageId(page)).getPagedLevel()).isEqualTo(2);
    }

    @Test
    void theDecisionEndsEveryPagingForIt() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        ProcessInstance managers = pageFrom(id, TASK_PAGE_CONTINUITY_MANAGERS, Roles.CONTINUITY_MANAGERS);
        driver.fire(id, EVENT_DECISION_OVERDUE);
        driver.fire(id, TASK_PAGE_CRISIS_MANAGEMENT);

        driver.complete(majorTask(id, TASK_DECIDE_ON_CONTINUITY), Map.of("continuityDecision", "extend",
                "timeBoxExtensionHours", 1L));

        assertThat(managers).isEnded();
        assertThat(instance(PageModel.PROCESS_KEY, id)).isNull();
    }

    // --- service continuity (Tier 3) as an instance of its own --------------------------------------------

    @Test
    void serviceContinuityStartedAsItsOwnInstanceForTheChosenServices() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        Instant decidedAt = ClockUtil.getCurrentTime().toInstant();

        driver.complete(majorTask(id, TASK_DECIDE_ON_CONTINUITY), Map.of("continuityDecision", "invoke",
                "continuityServices", "payments, erp"));

        ProcessInstance tier3 = continuity.instance(id);
        assertThat(tier3).isWaitingAt(ContinuityModel.TASK_APPROVE_INVOCATION);
        assertThat(tier3.getBusinessKey()).isEqualTo(id);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(tier3.getId())
                .superProcessInstanceId(majorInstance(id).getId()).count()).as("not called by the case").isZero();
        assertThat(runtime.getVariable(tier3.getId(), "serviceIds")).isEqualTo(List.of("payments", "erp"));
        assertThat(runtime.getVariable(tier3.getId(), "incidentId")).isEqualTo(id);
        assertThat(((Date) runtime.getVariable(tier3.getId(), "invocationDecidedAt")).toInstant()).isEqualTo(decidedAt);
        assertThat((String) runtime.getVariable(tier3.getId(), "invocationReason")).contains(id)
                .contains("[payments, erp]");
        // the case goes on beside service continuity and waits for what it reports
        assertThat(majorInstance(id)).isWaitingAt(TASK_RESTORE_SERVICE, GATEWAY_AWAIT_CONTINUITY);
    }

    @Test
    void unknownContinuityServiceIsRefusedAndNothingStarts() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);

        assertThatThrownBy(() -> driver.complete(majorTask(id, TASK_DECIDE_ON_CONTINUITY),
                Map.of("continuityDecision", "invoke", "continuityServices", "payments, no-such-service")))
                .hasMessageContaining("continuityServices").hasMessageContaining("no-such-service");

        assertThat(continuity.instance(id)).isNull();
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY);
    }

    @Test
    void continuityRecoveryVerifiedRestoresTheMajorIncidentOnce() {
        String id = activeMajorIncident();
        invokeContinuity(id);
        advance(Duration.ofMinutes(20));
        Instant verifiedAt = ClockUtil.getCurrentTime().toInstant();

        events.publishEvent(new ContinuityRecoveryVerified(id, id, verifiedAt));

        assertThat(majorInstance(id)).isWaitingAt(TASK_POST_MORTEM).hasPassedInOrder("Event_ContinuityRecoveryVerified",
                "Event_RestoredByContinuity", "Event_ServiceRestoredBoundary", "Task_RecordRestoration",
                "Task_OpenProblemRecord");
        Incident restored = driver.incident(id);
        assertThat(restored.getState()).isEqualTo(IncidentState.RESOLVED);
        assertThat(restored.getResolutionType()).isEqualTo(ResolutionType.WORKAROUND);
        assertThat(restored.getResolvedAt()).isEqualTo(verifiedAt);
        // the case ended: no more stakeholder updates, no "Restore service" left
        assertThat(driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_RESTORE_SERVICE)).isEmpty();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(majorInstance(id).getId())
                .activityId(EVENT_STAKEHOLDER_UPDATE_DUE).count()).isZero();
        assertThat(continuity.instance(id)).as("service continuity goes on to failback and review").isNotNull();

        advance(Duration.ofMinutes(5));
        events.publishEvent(new ContinuityRecoveryVerified(id, id, ClockUtil.getCurrentTime().toInstant()));

        assertThat(timeline(id).stream().filter("RESTORED"::equals)).hasSize(1);
        assertThat(driver.incident(id).getResolvedAt()).isEqualTo(verifiedAt);
    }

    @Test
    void restoredByHandWhileServiceContinuityRunsLeavesItRunning() {
        String id = activeMajorIncident();
        invokeContinuity(id);

        driver.complete(majorTask(id, TASK_RESTORE_SERVICE), Map.of("resolutionType", "fix",
                "resolutionNotes", "Renewed the certificate"));
        Instant restoredAt = driver.incident(id).getResolvedAt();

        assertThat(continuity.instance(id)).isWaitingAt(ContinuityModel.TASK_APPROVE_INVOCATION);
        advance(Duration.ofMinutes(30));
        events.publishEvent(new ContinuityRecoveryVerified(id, id, ClockUtil.getCurrentTime().toInstant()));

        Incident incident = driver.incident(id);
        assertThat(incident.getResolvedAt()).isEqualTo(restoredAt);
        assertThat(incident.getResolutionType()).isEqualTo(ResolutionType.FIX);
        assertThat(timeline(id).stream().filter("RESTORED"::equals)).hasSize(1);
        assertThat(majorInstance(id)).isWaitingAt(TASK_POST_MORTEM);
        assertThat(continuity.instance(id)).isNotNull();
    }

    @Test
    void serviceContinuityEndedWithoutRecoveryAsksAgain() {
        String id = activeMajorIncident();
        invokeContinuity(id);

        events.publishEvent(new ContinuityEndedWithoutRecovery(id, id, "declined", "Not worth the risk"));

        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY, TASK_RESTORE_SERVICE)
                .hasPassed("Event_ContinuityEndedWithoutRecovery");
        Task again = majorTask(id, TASK_DECIDE_ON_CONTINUITY);
        assertThat(taskService.getVariable(again.getId(), "continuityDecision")).isNull();
        assertThat(taskService.getVariable(again.getId(), "continuityServices")).isEqualTo("payments");
        assertThat(driver.incident(id).getState()).isNotEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void invokingAgainWhileServiceContinuityStillRunsIsRefused() {
        String id = activeMajorIncident();
        invokeContinuity(id);
        // e.g. an abandoned failover: Tier 3 reported, but still runs its review
        events.publishEvent(new ContinuityEndedWithoutRecovery(id, id, "abandoned", "Recovery site down too"));

        assertThatThrownBy(() -> driver.complete(majorTask(id, TASK_DECIDE_ON_CONTINUITY),
                Map.of("continuityDecision", "invoke")))
                .hasMessageContaining("continuityDecision").hasMessageContaining("still running");

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ContinuityModel.PROCESS_KEY)
                .processInstanceBusinessKey(id).count()).isEqualTo(1);
        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY);
    }

    @Test
    void continuityReportsForAnIncidentWithoutAWaitingCaseChangeNothing() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);

        events.publishEvent(new ContinuityRecoveryVerified(incident.getId(), incident.getId(), Instant.now()));
        events.publishEvent(new ContinuityEndedWithoutRecovery(incident.getId(), incident.getId(), "abandoned", "x"));

        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_SITUATIONAL_ANALYSIS);
        assertThat(driver.incident(incident.getId()).getState()).isNotEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void timeBoxExtensionOutOfRangeIsRefusedAndChangesNothing() {
        String id = activeMajorIncident();
        driver.fire(id, EVENT_TIME_BOX_EXPIRED);
        Instant deadline = driver.incident(id).getMajorTimeBoxEndsAt();

        assertThatThrownBy(() -> driver.complete(majorTask(id, TASK_DECIDE_ON_CONTINUITY),
                Map.of("continuityDecision", "extend", "timeBoxExtensionHours", 500L)))
                .hasMessageContaining("timeBoxExtensionHours");

        assertThat(majorInstance(id)).isWaitingAt(TASK_DECIDE_ON_CONTINUITY, TASK_RESTORE_SERVICE);
        assertThat(driver.incident(id).getMajorTimeBoxEndsAt()).isEqualTo(deadline);
    }

    @Test
    void unknownCommanderIsRefusedAndTheTaskStays() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        triage(incident.getId(), "activate");

        assertThatThrownBy(() -> driver.complete(majorTask(incident.getId(), TASK_ASSIGN_ROLES),
                Map.of("incidentCommander", "nobody-here", "communicationsLead", COMMS)))
                .hasMessageContaining("incidentCommander").hasMessageContaining("nobody-here");

        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_ASSIGN_ROLES);
        assertThat(driver.incident(incident.getId()).getIncidentCommander()).isNull();
    }

    @Test
    void hypothesisProposedFromTheTasklistStartForm() {
        String id = activeMajorIncident();

        runtime.startProcessInstanceByKey(PROPOSE_HYPOTHESIS_PROCESS_KEY, Map.of("incidentId", id,
                "hypothesis", "DNS cache poisoned", "experimentAction", "Flush resolvers"));

        assertThat(driver.tasks(MajorIncidentModel.PROCESS_KEY, id, TASK_RUN_EXPERIMENT)).hasSize(1);
        assertThat(majorIncidents.experiments(id)).extracting(Experiment::getAction).containsExactly("Flush resolvers");
    }

    // --- helpers --------------------------------------------------------------------------------------

    static final String COMMANDER = "ic-major-test";
    static final String COMMS = "comms-major-test";

    /** A P1 payments incident, activated by triage, with commander and communications lead assigned. */
    private String activeMajorIncident() {
        TestUsers.ensure(identity, COMMANDER);
        TestUsers.ensure(identity, COMMS);
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH);
        triage(incident.getId(), "activate");
        driver.complete(majorTask(incident.getId(), TASK_ASSIGN_ROLES), Map.of("incidentCommander", COMMANDER,
                "communicationsLead", COMMS));
        assertThat(majorInstance(incident.getId())).isWaitingAt(TASK_RESTORE_SERVICE);
        assertThat(majorTask(incident.getId(), TASK_RESTORE_SERVICE).getAssignee()).isEqualTo(COMMANDER);
        return incident.getId();
    }

    /** Time box expired, the continuity manager invoked service continuity for the incident's service. */
    private void invokeContinuity(String incidentId) {
        driver.fire(incidentId, EVENT_TIME_BOX_EXPIRED);
        driver.complete(majorTask(incidentId, TASK_DECIDE_ON_CONTINUITY), Map.of("continuityDecision", "invoke"));
        assertThat(continuity.instance(incidentId)).isNotNull();
    }

    /** Runs the asynchronous start of a paging call site and level 1 of the page it opened. */
    private ProcessInstance pageFrom(String incidentId, String callSite, String group) {
        driver.fire(incidentId, callSite);
        ProcessInstance page = runtime.createProcessInstanceQuery().processDefinitionKey(PageModel.PROCESS_KEY)
                .processInstanceBusinessKey(incidentId).variableValueEquals(PageModel.PAGE_GROUP.name(), group)
                .singleResult();
        assertThat(page).as("%s paged from %s", group, callSite).isNotNull();
        pages.pageNextLevel(page);
        return page;
    }

    private void triage(String incidentId, String decision) {
        driver.complete(majorTask(incidentId, TASK_SITUATIONAL_ANALYSIS), Map.of("triageDecision", decision,
                "triageNotes", "Checked the dashboards"));
    }

    private ProcessInstance majorInstance(String incidentId) {
        return instance(MajorIncidentModel.PROCESS_KEY, incidentId);
    }

    /** The running instance of a process the incident's business key has, or null. */
    private ProcessInstance instance(String processKey, String incidentId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(incidentId).singleResult();
    }

    private Task majorTask(String incidentId, String activityId) {
        return driver.task(MajorIncidentModel.PROCESS_KEY, incidentId, activityId);
    }

    private List<String> timeline(String incidentId) {
        return incidents.timeline(incidentId).stream().map(IncidentEvent::getType).toList();
    }

    private String details(String incidentId, String type) {
        return incidents.timeline(incidentId).stream().filter(e -> e.getType().equals(type)).findFirst()
                .orElseThrow().getDetail();
    }

    private void advance(Duration by) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    }

    private CurrentUser user(String prefix, String group) {
        return new CurrentUser(prefix + "-" + UUID.randomUUID().toString().substring(0, 6), Set.of(group));
    }
}
