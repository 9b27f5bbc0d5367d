package io.incidentflow.incident.problem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Technical debt left by a workaround, open until a permanent fix is recorded. */
@Entity
@Table(name = "problem_record")
public class ProblemRecord {

    public enum State { OPEN, FIXED }

    @Id
    private String id;
    @Column(name = "incident_id")
    private String incidentId;
    private String title;
    private String workaround;
    @Column(name = "resolver_group")
    private String resolverGroup;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "permanent_fix")
    private String permanentFix;
    @Column(name = "change_reference")
    private String changeReference;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "fixed_at")
    private Instant fixedAt;

    protected ProblemRecord() {
    }

    ProblemRecord(String id, String incidentId, String title, String workaround, String resolverGroup, Instant now) {
        this.id = id;
        this.incidentId = incidentId;
        this.title = title;
        this.workaround = workaround;
        this.resolverGroup = resolverGroup;
        this.state = State.OPEN;
        this.openedAt = now;
    }

    void fix(String permanentFix, String changeReference, Instant now) {
        this.permanentFix = permanentFix;
        this.changeReference = changeReference;
        this.state = State.FIXED;
        this.fixedAt = now;
    }

    public String getId() { return id; }
    public String getIncidentId() { return incidentId; }
    public String getTitle() { return title; }
    public String getWorkaround() { return workaround; }
    public String getResolverGroup() { return resolverGroup; }
    public State getState() { return state; }
    public String getPermanentFix() { return permanentFix; }
    public String getChangeReference() { return changeReference; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getFixedAt() { return fixedAt; }
}
