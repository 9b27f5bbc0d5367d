package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Record planned DR test": the date goes to the catalog. It runs in the transaction that completes
 * "Schedule DR test", so a date that cannot be used is shown in Tasklist and the task stays open.
 */
@Component
public class RecordPlannedDrTestDelegate implements JavaDelegate {

    private final DrReadinessService readiness;

    public RecordPlannedDrTestDelegate(DrReadinessService readiness) {
        this.readiness = readiness;
    }

    @Override
    public void execute(DelegateExecution execution) {
        readiness.recordPlannedTest(SERVICE_ID.get(execution), DR_TEST_PLANNED_FOR.find(execution).orElse(null));
    }
}
