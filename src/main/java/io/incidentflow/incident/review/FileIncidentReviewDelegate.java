package io.incidentflow.incident.review;

import static io.incidentflow.incident.process.IncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "File review record": keeps the post-incident review searchable after the process is gone. */
@Component
public class FileIncidentReviewDelegate implements JavaDelegate {

    private final ReviewService reviews;

    public FileIncidentReviewDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.file(INCIDENT_ID.get(execution), REVIEW_CAUSE.get(execution),
                REVIEW_CONTRIBUTING_FACTORS.find(execution).orElse(null), REVIEW_ACTIONS.get(execution));
    }
}
