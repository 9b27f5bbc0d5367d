package io.incidentflow.major;

import io.incidentflow.notify.Audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the communications lead told one audience about a major incident. */
@Entity
@Table(name = "stakeholder_update")
public class StakeholderUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private String incidentId;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private String message;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected StakeholderUpdate() {
    }

    StakeholderUpdate(String incidentId, Audience audience, String message, String publishedBy, Instant publishedAt) {
        this.incidentId = incidentId;
        this.audience = audience;
        this.message = message;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    public Long getId() { return id; }
    public String getIncidentId() { return incidentId; }
    public Audience getAudience() { return audience; }
    public String getMessage() { return message; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
}
