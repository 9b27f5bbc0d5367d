package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Update DR plans in the catalog", the last one: the post-DR review's date and lessons go to each affected
 * service and the incident leaves Tier 3. The outcome is "completed" unless the failover was abandoned.
 */
@Component
public class UpdateDrPlansDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public UpdateDrPlansDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invocation invocation = invocation(execution);
        continuity.recordReview(invocation, LESSONS_LEARNED.find(execution).orElse(null));
        String outcome = CONTINUITY_OUTCOME.find(execution).orElse(OUTCOME_COMPLETED);
        continuity.end(invocation, outcome);
        CONTINUITY_OUTCOME.set(execution, outcome);
    }
}
