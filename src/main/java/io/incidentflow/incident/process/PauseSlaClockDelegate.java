package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the incident on hold (input parameter {@code holdReason}): the SLA clock stops. */
@Component
public class PauseSlaClockDelegate implements JavaDelegate {

    private final SlaClockControl clock;

    public PauseSlaClockDelegate(SlaClockControl clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clock.pause(execution, HOLD_REASON.getLocal(execution));
    }
}
