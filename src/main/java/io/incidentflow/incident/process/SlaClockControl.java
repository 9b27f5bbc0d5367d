package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.engine.ProcessVariable;
import io.incidentflow.incident.IncidentService;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Pauses and resumes an incident's SLA clock. While paused the SLA timers are suspended, so they
 * cannot fire; on resume every due date, of the waiting timers and of the variables later timers are
 * created from, moves by the time spent paused.
 */
@Component
public class SlaClockControl {

    private final IncidentService incidents;
    private final ProcessAdapter engine;

    public SlaClockControl(IncidentService incidents, ProcessAdapter engine) {
        this.incidents = incidents;
        this.engine = engine;
    }

    public void pause(DelegateExecution execution, String reason) {
        incidents.hold(INCIDENT_ID.get(execution), reason);
        engine.suspendTimers(execution.getProcessInstanceId(), IncidentModel.TIMERS_RUNNING_WHILE_ON_HOLD);
    }

    public void resume(DelegateExecution execution) {
        Duration held = incidents.release(INCIDENT_ID.get(execution));
        engine.resumeTimers(execution.getProcessInstanceId(), IncidentModel.TIMERS_RUNNING_WHILE_ON_HOLD, held);
        shiftDueDates(execution, held);
    }

    /** Moves the due-date variables, e.g. by the time an incident spent resolved before it was reopened. */
    public void shiftDueDates(DelegateExecution execution, Duration by) {
        for (ProcessVariable<Date> due : SLA_DATES) {
            due.find(execution).ifPresent(date -> due.set(execution, Date.from(date.toInstant().plus(by))));
        }
    }
}
