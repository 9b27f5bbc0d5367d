package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Update DR plans in the catalog": the post-DR review's date and lessons go to each affected service. */
@Component
public class UpdateDrPlansDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public UpdateDrPlansDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.recordReview(invocation(execution), LESSONS_LEARNED.find(execution).orElse(null));
        CONTINUITY_OUTCOME.set(execution, OUTCOME_COMPLETED);
    }
}
