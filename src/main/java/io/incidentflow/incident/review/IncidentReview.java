package io.incidentflow.incident.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The review of a P1/P2 incident or the post-mortem of a major incident: what caused it and what will be done. */
@Entity
@Table(name = "incident_review")
public class IncidentReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private String incidentId;
    @Enumerated(EnumType.STRING)
    private ReviewKind kind;
    private String cause;
    @Column(name = "contributing_factors")
    private String contributingFactors;
    private String actions;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected IncidentReview() {
    }

    IncidentReview(String incidentId, ReviewKind kind, String cause, String contributingFactors, String actions,
                   String reviewedBy, Instant reviewedAt) {
        this.incidentId = incidentId;
        this.kind = kind;
        this.cause = cause;
        this.contributingFactors = contributingFactors;
        this.actions = actions;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }

    public Long getId() { return id; }
    public String getIncidentId() { return incidentId; }
    public ReviewKind getKind() { return kind; }
    public String getCause() { return cause; }
    public String getContributingFactors() { return contributingFactors; }
    public String getActions() { return actions; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
}
