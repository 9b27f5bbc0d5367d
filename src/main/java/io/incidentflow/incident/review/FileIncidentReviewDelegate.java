package io.incidentflow.incident.review;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.common.Coded;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "File review record" (input parameter {@code reviewKind}): keeps the post-incident review or
 * post-mortem searchable after the process is gone.
 */
@Component
public class FileIncidentReviewDelegate implements JavaDelegate {

    private final ReviewService reviews;

    public FileIncidentReviewDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.file(INCIDENT_ID.get(execution), Coded.fromCode(ReviewKind.class, REVIEW_KIND.getLocal(execution)),
                REVIEW_CAUSE.get(execution),
                REVIEW_CONTRIBUTING_FACTORS.find(execution).orElse(null), REVIEW_ACTIONS.get(execution));
    }
}
