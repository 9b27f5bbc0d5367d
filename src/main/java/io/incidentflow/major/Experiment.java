package io.incidentflow.major;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A hypothesis tried during an active major incident: what was tried, and what came of it. */
@Entity
@Table(name = "major_experiment")
public class Experiment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private String incidentId;
    private String hypothesis;
    private String action;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "proposed_at")
    private Instant proposedAt;
    @Enumerated(EnumType.STRING)
    private ExperimentOutcome outcome;
    private String findings;
    @Column(name = "completed_by")
    private String completedBy;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected Experiment() {
    }

    Experiment(String incidentId, String hypothesis, String action, String proposedBy, Instant proposedAt) {
        this.incidentId = incidentId;
        this.hypothesis = hypothesis;
        this.action = action;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    void complete(ExperimentOutcome outcome, String findings, String completedBy, Instant completedAt) {
        if (this.outcome != null) {
            throw new IllegalStateException("Experiment " + id + " already has an outcome");
        }
        this.outcome = outcome;
        this.findings = findings;
        this.completedBy = completedBy;
        this.completedAt = completedAt;
    }

    public Long getId() { return id; }
    public String getIncidentId() { return incidentId; }
    public String getHypothesis() { return hypothesis; }
    public String getAction() { return action; }
    public String getProposedBy() { return proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public ExperimentOutcome getOutcome() { return outcome; }
    public String getFindings() { return findings; }
    public String getCompletedBy() { return completedBy; }
    public Instant getCompletedAt() { return completedAt; }
}
