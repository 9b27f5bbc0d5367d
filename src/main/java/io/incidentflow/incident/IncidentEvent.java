package io.incidentflow.incident;

import io.incidentflow.common.TimelineEventType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an incident's timeline: what happened, when and by whom. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private String incidentId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    /** Stored and shown as the code, so that codes of owners' models (see {@link TimelineEventType}) fit too. */
    @Schema(implementation = TimelineEventType.class, description = "What happened. Models may add codes of the "
            + "same form (upper case, digits, _) through element template \"Record timeline event\".")
    private String type;
    private String detail;
    private String actor;

    protected IncidentEvent() {
    }

    IncidentEvent(String incidentId, Instant occurredAt, String type, String detail, String actor) {
        this.incidentId = incidentId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.detail = detail;
        this.actor = actor;
    }

    public String getIncidentId() { return incidentId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getType() { return type; }
    public String getDetail() { return detail; }
    public String getActor() { return actor; }
}
