package io.incidentflow.continuity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Flag services due for a DR test" of the daily DR readiness check. */
@Component
public class FlagServicesDueForDrTestDelegate implements JavaDelegate {

    private final DrReadinessService readiness;

    public FlagServicesDueForDrTestDelegate(DrReadinessService readiness) {
        this.readiness = readiness;
    }

    @Override
    public void execute(DelegateExecution execution) {
        readiness.flagServicesDueForTest();
    }
}
