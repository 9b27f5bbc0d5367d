package io.incidentflow.incident.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the incident off hold: the SLA clock runs again with the paused time added back. */
@Component
public class ResumeSlaClockDelegate implements JavaDelegate {

    private final SlaClockControl clock;

    public ResumeSlaClockDelegate(SlaClockControl clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clock.resume(execution);
    }
}
