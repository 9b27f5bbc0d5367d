package io.incidentflow.incident.review;

import io.incidentflow.common.TimelineEventType;
import io.incidentflow.engine.CurrentActor;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class ReviewService {

    private final IncidentReviewRepository reviews;
    private final IncidentService incidents;
    private final CurrentActor actor;

    public ReviewService(IncidentReviewRepository reviews, IncidentService incidents, CurrentActor actor) {
        this.reviews = reviews;
        this.incidents = incidents;
        this.actor = actor;
    }

    public IncidentReview file(String incidentId, ReviewKind kind, String cause, String contributingFactors,
                               String actions) {
        IncidentReview review = reviews.save(new IncidentReview(incidentId, kind, cause, contributingFactors, actions,
                actor.id(), EngineClock.now()));
        incidents.note(incidentId, TimelineEventType.REVIEWED, (kind == ReviewKind.POST_MORTEM ? "Post-mortem" : "Post-incident review")
                + " filed: " + cause);
        return review;
    }

    /** All reviews of an incident, or those mentioning {@code text}, or all, newest first. */
    @Transactional(readOnly = true)
    public List<IncidentReview> find(String incidentId, String text) {
        if (incidentId != null) {
            return reviews.findByIncidentIdOrderByReviewedAtAsc(incidentId);
        }
        return text == null || text.isBlank() ? reviews.findAllByOrderByReviewedAtDesc() : reviews.search(text.trim());
    }
}
