package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Reopen incident": the caller says it is not fixed; the time it spent resolved is not charged. */
@Component
public class ReopenIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final SlaClockControl clock;

    public ReopenIncidentDelegate(IncidentService incidents, SlaClockControl clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Duration resolvedFor = incidents.reopen(INCIDENT_ID.get(execution), CALLER_COMMENT.find(execution).orElse(null));
        clock.shiftDueDates(execution, resolvedFor);
        // the forms of the next round start empty instead of showing the answers that did not fix it
        ROUND_ANSWERS.forEach(answer -> execution.removeVariable(answer.name()));
    }
}
