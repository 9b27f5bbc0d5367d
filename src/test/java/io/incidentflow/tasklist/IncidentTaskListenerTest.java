package io.incidentflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.continuity.ContinuityDriver;
import io.incidentflow.continuity.ContinuityModel;
import io.incidentflow.incident.Category;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.incident.process.IncidentProcess;
import io.incidentflow.incident.process.IncidentVariables;
import io.incidentflow.major.MajorIncidentModel;
import io.incidentflow.major.MajorIncidentProperties;
import io.incidentflow.security.Roles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every user task of an incident gets its priority, due date and incident labels when it is created. */
@IncidentFlowTest
class IncidentTaskListenerTest {

    @Autowired IncidentDriver driver;
    @Autowired IncidentProcess incidentProcess;
    @Autowired ContinuityDriver continuity;
    @Autowired MajorIncidentProperties majorProperties;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @BeforeEach
    void fixClock() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void tier1TaskOfAP1IncidentComesFirstAndKeepsTheModelsDueDate() {
        Incident incident = logOnErp(Level.MEDIUM, Level.HIGH, true); // P2, raised to P1 for a VIP caller
        assertThat(incident.getPriority()).isEqualTo(Priority.P1);

        Task diagnosis = driver.task(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);

        assertThat(diagnosis.getPriority()).isEqualTo(100);
        // The model sets camunda:dueDate="${resolutionDueAt}" here: a process owner's due date wins.
        assertThat(diagnosis.getDueDate()).isEqualTo(resolutionDueAt(incident));
        assertThat(tasks.getVariablesLocal(diagnosis.getId())).containsEntry("incidentTitle", incident.getTitle())
                .containsEntry("incidentPriority", "P1");
    }

    @Test
    void tier1TaskAfterTheResponseIsDueAtTheResolutionTarget() {
        Incident incident = logOnErp(Level.MEDIUM, Level.MEDIUM, false);
        assertThat(incident.getPriority()).isEqualTo(Priority.P3);
        driver.claim(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS, "desk-agent");
        driver.resolveAtLevel1(incident.getId(), "workaround");

        Task confirm = driver.task(incident.getId(), IncidentModel.TASK_CONFIRM_WITH_CALLER);

        assertThat(confirm.getPriority()).isEqualTo(60);
        assertThat(confirm.getDueDate()).isEqualTo(resolutionDueAt(incident));
        assertThat(tasks.getVariableLocal(confirm.getId(), "incidentPriority")).isEqualTo("P3");
    }

    @Test
    void triageTaskIsDueWhenTheTriageTimeBoxEnds() {
        Incident incident = driver.log("payments", Level.HIGH, Level.HIGH); // P1 on a mission-critical service: major

        Task triage = driver.task(MajorIncidentModel.PROCESS_KEY, incident.getId(),
                MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS);

        assertThat(triage.getPriority()).isEqualTo(100);
        assertThat(triage.getDueDate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(majorProperties.triageTimeBox()));
        assertThat(tasks.getVariableLocal(triage.getId(), "incidentTitle")).isEqualTo(incident.getTitle());
    }

    @Test
    void directContinuityInvocationWithoutAnIncidentKeepsTheDefaults() {
        String invocationId = continuity.invoke("erp");

        Task approval = continuity.task(invocationId, ContinuityModel.TASK_APPROVE_INVOCATION);

        assertThat(approval.getPriority()).isEqualTo(50);
        assertThat(tasks.getVariablesLocal(approval.getId())).doesNotContainKeys("incidentTitle", "incidentPriority");
    }

    // --- the due-date table, rule by rule, on a real task's variables ---------------------------------

    @Test
    void tier1RuleUsesTheResponseTargetUntilSomeoneResponded() {
        Date responseDue = in(15);
        Date resolutionDue = in(240);
        Map<String, Object> waiting = Map.of("responded", false, "responseDueAt", responseDue,
                "resolutionDueAt", resolutionDue);

        assertThat(dueDateOnAProbeTask(IncidentModel.PROCESS_KEY, "Task_AddedLater", waiting)).contains(responseDue);
        assertThat(dueDateOnAProbeTask(IncidentModel.PROCESS_KEY, "Task_AddedLater",
                Map.of("responded", true, "responseDueAt", responseDue, "resolutionDueAt", resolutionDue)))
                .contains(resolutionDue);
        assertThat(dueDateOnAProbeTask(IncidentModel.PROCESS_KEY, IncidentModel.TASK_POST_INCIDENT_REVIEW, waiting))
                .isEmpty();
    }

    @Test
    void continuityDecisionAndApprovalUseTheirDueDatesOnceTheTiersSetThem() {
        Date timeBoxEnds = in(60);
        Date decisionDue = in(30);
        Date approvalDue = in(20);

        assertThat(dueDateOnAProbeTask(MajorIncidentModel.PROCESS_KEY, MajorIncidentModel.TASK_DECIDE_ON_CONTINUITY,
                Map.of("timeBoxEndsAt", timeBoxEnds, "decisionDueAt", decisionDue))).contains(decisionDue);
        assertThat(dueDateOnAProbeTask(MajorIncidentModel.PROCESS_KEY, MajorIncidentModel.TASK_DECIDE_ON_CONTINUITY,
                Map.of("timeBoxEndsAt", timeBoxEnds))).contains(timeBoxEnds);
        assertThat(dueDateOnAProbeTask(MajorIncidentModel.PROCESS_KEY, "Task_AddedLater",
                Map.of("timeBoxEndsAt", timeBoxEnds))).contains(timeBoxEnds);
        assertThat(dueDateOnAProbeTask(MajorIncidentModel.PROCESS_KEY, MajorIncidentModel.TASK_POST_MORTEM,
                Map.of("timeBoxEndsAt", timeBoxEnds))).isEmpty();
        assertThat(dueDateOnAProbeTask(ContinuityModel.PROCESS_KEY, ContinuityModel.TASK_APPROVE_INVOCATION,
                Map.of("approvalDueAt", approvalDue))).contains(approvalDue);
        assertThat(dueDateOnAProbeTask(ContinuityModel.PROCESS_KEY, ContinuityModel.TASK_PLAN_FAILBACK,
                Map.of("approvalDueAt", approvalDue))).isEmpty();
    }

    @Test
    void everyRuleSaysWhy() {
        assertThat(TaskDueDates.RULES).allSatisfy(rule -> assertThat(rule.why()).isNotBlank());
    }

    // --- helpers ------------------------------------------------------------------------------------

    private Incident logOnErp(Level impact, Level urgency, boolean vipCaller) {
        return incidentProcess.log(new NewIncident("Invoices stuck " + UUID.randomUUID(), "Since 10:02", "jane.doe",
                vipCaller, "erp", Category.SOFTWARE, impact, urgency), IncidentSource.API);
    }

    private Date resolutionDueAt(Incident incident) {
        return (Date) runtime.getVariable(driver.instance(incident.getId()).getId(),
                IncidentVariables.RESOLUTION_DUE_AT.name());
    }

    private static Date in(int minutes) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(minutes, ChronoUnit.MINUTES));
    }

    /** What the table gives a task of the process with these variables, read from a real task of a probe process. */
    private Optional<Date> dueDateOnAProbeTask(String processKey, String taskKey, Map<String, Object> variables) {
        String probeKey = "dueDateProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String deploymentId = repository.createDeployment().addModelInstance(probeKey + ".bpmn",
                        Bpmn.createExecutableProcess(probeKey).camundaHistoryTimeToLive(1)
                                .startEvent().userTask("Task_Probe").name("Probe").camundaCandidateGroups(Roles.SERVICE_DESK)
                                .endEvent().done())
                .deploy().getId();
        try {
            String instanceId = runtime.startProcessInstanceByKey(probeKey, variables).getId();
            String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(context -> TaskDueDates.dueDate(processKey, taskKey,
                            context.getTaskManager().findTaskById(taskId)));
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }
}
