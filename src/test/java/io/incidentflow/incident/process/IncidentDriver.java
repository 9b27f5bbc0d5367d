package io.incidentflow.incident.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.incident.Category;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.NewIncident;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives incidents through the process as Tasklist users and the job executor would, step by named step. */
@Component
public class IncidentDriver {

    private final IncidentProcess process;
    private final IncidentService incidents;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;

    IncidentDriver(IncidentProcess process, IncidentService incidents, RuntimeService runtime, TaskService tasks,
                   ManagementService management, HistoryService history) {
        this.history = history;
        this.process = process;
        this.incidents = incidents;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    public Incident log(String serviceId, Level impact, Level urgency) {
        return process.log(new NewIncident("Test incident on " + serviceId, "Something is broken", "jane.doe",
                false, serviceId, Category.SOFTWARE, impact, urgency), IncidentSource.API);
    }

    public ProcessInstance instance(String incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(incidentId)
                .processDefinitionKey(IncidentModel.PROCESS_KEY).singleResult();
    }

    public Task task(String processKey, String businessKey, String activityId) {
        Task task = tasks.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(activityId).singleResult();
        assertThat(task).as("task %s of %s", activityId, businessKey).isNotNull();
        return task;
    }

    /** The open tasks at an activity, e.g. experiments running in parallel, oldest first. */
    public List<Task> tasks(String processKey, String businessKey, String activityId) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(activityId).orderByTaskCreateTime().asc().list();
    }

    public void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    public Task task(String incidentId, String activityId) {
        return task(IncidentModel.PROCESS_KEY, incidentId, activityId);
    }

    public void complete(String incidentId, String activityId, Map<String, Object> variables) {
        tasks.complete(task(incidentId, activityId).getId(), variables);
    }

    public void claim(String incidentId, String activityId, String userId) {
        tasks.claim(task(incidentId, activityId).getId(), userId);
    }

    /** The timer (or other job) waiting at an activity of the instances with this business key (all tiers). */
    public Job job(String businessKey, String activityId) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .activityId(activityId).list().stream())
                .toList();
        assertThat(jobs).as("jobs at %s of %s", activityId, businessKey).hasSize(1);
        return jobs.get(0);
    }

    /** Fires a timer now, whatever its due date: tests never wait for the clock. */
    public void fire(String businessKey, String activityId) {
        management.executeJob(job(businessKey, activityId).getId());
    }

    /**
     * Runs the asynchronous start of a page (a call activity of page-responder.bpmn) as the job executor
     * would, and returns the page-responder instance it started, waiting to page its first level.
     */
    public ProcessInstance startPage(String incidentId, String callActivityId) {
        fire(incidentId, callActivityId);
        String page = history.createHistoricActivityInstanceQuery().processInstanceId(instance(incidentId).getId())
                .activityId(callActivityId).orderByHistoricActivityInstanceStartTime().desc().list().get(0)
                .getCalledProcessInstanceId();
        return runtime.createProcessInstanceQuery().processInstanceId(page).singleResult();
    }

    /** Activities the incident's process passed, in order, from history (also after it ended). */
    public List<String> passedActivities(String incidentId) {
        return passedActivities(IncidentModel.PROCESS_KEY, incidentId);
    }

    /** Activities the incident's instance of another process (e.g. major-incident) passed, in order. */
    public List<String> passedActivities(String processKey, String incidentId) {
        String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(incidentId)
                .processDefinitionKey(processKey).singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    public Incident incident(String id) {
        return incidents.get(id);
    }

    public void resolveAtLevel1(String incidentId, String resolutionType) {
        complete(incidentId, IncidentModel.TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "resolved",
                "resolutionType", resolutionType, "resolutionNotes", "Restarted the service"));
    }
}
