package io.incidentflow.tasklist;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentRepository;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.process.IncidentVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Runs when any user task is created ({@link IncidentTaskPlugin} adds it to every one) and makes it tell its
 * incident apart in Tasklist: the task priority from the incident priority (P1 highest), a due date by
 * {@link TaskDueDates} unless the model set one, and the incident's title and priority on the task itself.
 * Tasks without an incident (direct continuity invocations, DR test scheduling) keep what the model gave them.
 */
@Component
public class IncidentTaskListener implements TaskListener {

    /** Tasklist sorts by this number, highest first; 50 is what the engine gives a task without an incident. */
    static final int P1_TASK_PRIORITY = 100;
    static final int STEP_BETWEEN_PRIORITIES = 20;

    private final IncidentRepository incidents;

    public IncidentTaskListener(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getDueDate() == null) {
            TaskDueDates.dueDate(processKey(task), task.getTaskDefinitionKey(), task).ifPresent(task::setDueDate);
        }
        IncidentVariables.INCIDENT_ID.find(task).flatMap(incidents::findById).ifPresent(incident -> label(task, incident));
    }

    private static void label(DelegateTask task, Incident incident) {
        TaskCardVariables.INCIDENT_TITLE.setLocal(task, incident.getTitle());
        if (incident.getPriority() != null) {
            task.setPriority(taskPriority(incident.getPriority()));
            TaskCardVariables.INCIDENT_PRIORITY.setLocal(task, incident.getPriority().name());
        }
    }

    /** P1 → 100, P2 → 80, P3 → 60, P4 → 40: every incident task above or below the default 50 by its urgency. */
    static int taskPriority(Priority priority) {
        return P1_TASK_PRIORITY - STEP_BETWEEN_PRIORITIES * priority.ordinal();
    }

    private static String processKey(DelegateTask task) {
        return ((TaskEntity) task).getProcessDefinition().getKey();
    }
}
