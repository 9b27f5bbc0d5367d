package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.engine.ProcessVariable;
import io.incidentflow.incident.IncidentService;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Pauses and resumes an incident's SLA clock. While paused the SLA timer jobs are suspended, so they
 * cannot fire; on resume every due date, of the waiting timers and of the variables later timers are
 * created from, moves by the time spent paused.
 */
@Component
public class SlaClockControl {

    private final IncidentService incidents;
    private final ManagementService management;

    public SlaClockControl(IncidentService incidents, ManagementService management) {
        this.incidents = incidents;
        this.management = management;
    }

    public void pause(DelegateExecution execution, String reason) {
        incidents.hold(INCIDENT_ID.get(execution), reason);
        slaTimers(execution).forEach(job -> management.suspendJobById(job.getId()));
    }

    public void resume(DelegateExecution execution) {
        Duration held = incidents.release(INCIDENT_ID.get(execution));
        for (Job job : slaTimers(execution)) {
            // One change to the job entity of this transaction: the engine's separate "set due date" and
            // "activate" commands update the same row twice and collide on its revision.
            JobEntity timer = (JobEntity) job;
            timer.setDuedate(Date.from(job.getDuedate().toInstant().plus(held)));
            timer.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
        }
        shiftDueDates(execution, held);
    }

    /** Moves the due-date variables, e.g. by the time an incident spent resolved before it was reopened. */
    public void shiftDueDates(DelegateExecution execution, Duration by) {
        for (ProcessVariable<Date> due : SLA_DATES) {
            due.find(execution).ifPresent(date -> due.set(execution, Date.from(date.toInstant().plus(by))));
        }
    }

    private List<Job> slaTimers(DelegateExecution execution) {
        return IncidentModel.TIMERS_RUNNING_WHILE_ON_HOLD.stream()
                .flatMap(activity -> management.createJobQuery()
                        .processInstanceId(execution.getProcessInstanceId())
                        .activityId(activity)
                        .list().stream())
                .toList();
    }
}
