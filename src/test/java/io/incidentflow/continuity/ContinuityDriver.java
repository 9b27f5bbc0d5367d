package io.incidentflow.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives invocations through service-continuity.bpmn as Tasklist users and the job executor would, step by
 * named step; steps of one affected service are picked by its {@code serviceId}.
 */
@Component
public class ContinuityDriver {

    private final ContinuityProcess process;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;

    ContinuityDriver(ContinuityProcess process, RuntimeService runtime, TaskService tasks,
                     ManagementService management, HistoryService history) {
        this.process = process;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.history = history;
    }

    public String invoke(String... serviceIds) {
        return process.invoke(new NewInvocation(List.of(serviceIds), "Primary data centre flooded"));
    }

    public ProcessInstance instance(String invocationId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ContinuityModel.PROCESS_KEY)
                .processInstanceBusinessKey(invocationId).singleResult();
    }

    public List<Task> tasks(String invocationId, String activityId) {
        return tasks.createTaskQuery().processDefinitionKey(ContinuityModel.PROCESS_KEY)
                .processInstanceBusinessKey(invocationId).taskDefinitionKey(activityId).list();
    }

    public Task task(String invocationId, String activityId) {
        List<Task> found = tasks(invocationId, activityId);
        assertThat(found).as("task %s of %s", activityId, invocationId).hasSize(1);
        return found.get(0);
    }

    /** The task of one affected service at this step. */
    public Task task(String invocationId, String activityId, String serviceId) {
        List<Task> found = tasks(invocationId, activityId).stream()
                .filter(t -> serviceId.equals(tasks.getVariable(t.getId(), "serviceId"))).toList();
        assertThat(found).as("task %s of %s for %s", activityId, invocationId, serviceId).hasSize(1);
        return found.get(0);
    }

    public void complete(String invocationId, String activityId, Map<String, Object> variables) {
        tasks.complete(task(invocationId, activityId).getId(), variables);
    }

    public void complete(String invocationId, String activityId, String serviceId, Map<String, Object> variables) {
        tasks.complete(task(invocationId, activityId, serviceId).getId(), variables);
    }

    public void approve(String invocationId) {
        complete(invocationId, ContinuityModel.TASK_APPROVE_INVOCATION,
                Map.of(ContinuityVariables.APPROVAL_DECISION.name(), "approve"));
    }

    /** The DR team gives the failover up, with a reason. */
    public void abandonFailover(String invocationId, String serviceId, String reason) {
        complete(invocationId, ContinuityModel.TASK_EXECUTE_FAILOVER, serviceId, Map.of("failoverNotes", "Runbook stuck",
                "failoverOutcome", ContinuityVariables.FAILOVER_ABANDON, "abandonReason", reason));
    }

    /** The service does not work at the recovery site after its failover. */
    public void failRecovery(String invocationId, String serviceId, String notes) {
        complete(invocationId, ContinuityModel.TASK_EXECUTE_FAILOVER, serviceId, Map.of("failoverNotes", "Runbook followed",
                "failoverOutcome", ContinuityVariables.FAILOVER_DONE));
        complete(invocationId, ContinuityModel.TASK_VERIFY_RECOVERY, serviceId,
                Map.of("recoveryVerification", "failed", "verificationNotes", notes));
    }

    /**
     * Runs the asynchronous start of a paging call activity (of one affected service, or null) and returns the
     * page-responder instance it called.
     */
    public ProcessInstance startPaging(String invocationId, String callActivityId, String serviceId) {
        Job job = job(invocationId, callActivityId, serviceId);
        management.executeJob(job.getId());
        List<HistoricActivityInstance> calls = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance(invocationId).getId()).activityId(callActivityId).unfinished().list()
                .stream().filter(call -> serviceId == null
                        || serviceId.equals(runtime.getVariable(call.getExecutionId(), "serviceId"))).toList();
        assertThat(calls).as("running call %s of %s for %s", callActivityId, invocationId, serviceId).hasSize(1);
        return runtime.createProcessInstanceQuery().processInstanceId(calls.get(0).getCalledProcessInstanceId())
                .singleResult();
    }

    /** A variable of an instance, also after it ended. */
    public Object historicVariable(String processInstanceId, String name) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    /** The runbook is worked and the service checked at the recovery site. */
    public void recover(String invocationId, String serviceId) {
        complete(invocationId, ContinuityModel.TASK_EXECUTE_FAILOVER, serviceId,
                Map.of("failoverNotes", "Runbook followed"));
        complete(invocationId, ContinuityModel.TASK_VERIFY_RECOVERY, serviceId,
                Map.of("recoveryVerification", "verified"));
    }

    /** The timer waiting at an activity; for a timer of one affected service, pass its id. */
    public Job job(String invocationId, String activityId, String serviceId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance(invocationId).getId())
                .activityId(activityId).list().stream()
                .filter(job -> serviceId == null || serviceId.equals(runtime.getVariable(job.getExecutionId(), "serviceId")))
                .toList();
        assertThat(jobs).as("job at %s of %s for %s", activityId, invocationId, serviceId).hasSize(1);
        return jobs.get(0);
    }

    /** Fires a timer now, whatever its due date: tests never wait for the clock. */
    public void fire(String invocationId, String activityId, String serviceId) {
        management.executeJob(job(invocationId, activityId, serviceId).getId());
    }

    /** How often the invocation passed each activity so far (also after it ended). */
    public List<String> passedActivities(String invocationId) {
        String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(invocationId)
                .processDefinitionKey(ContinuityModel.PROCESS_KEY).singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).finished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
