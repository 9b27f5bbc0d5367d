package io.incidentflow.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * The queryable state of an incident. The process instance (business key = {@link #getId()}) drives
 * it; this row is what lists, filters, reports and the status page read.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    private String id;
    private String title;
    private String description;
    private String caller;
    @Column(name = "vip_caller")
    private boolean vipCaller;
    @Column(name = "service_id")
    private String serviceId;
    @Enumerated(EnumType.STRING)
    private Category category;
    @Enumerated(EnumType.STRING)
    private Level impact;
    @Enumerated(EnumType.STRING)
    private Level urgency;
    @Enumerated(EnumType.STRING)
    private IncidentSource source;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    @Enumerated(EnumType.STRING)
    private IncidentState state;
    @Enumerated(EnumType.STRING)
    private IncidentTier tier;
    @Column(name = "resolver_group")
    private String resolverGroup;
    @Column(name = "major_reason")
    private String majorReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "major_phase")
    private MajorPhase majorPhase;
    @Column(name = "incident_commander")
    private String incidentCommander;
    @Column(name = "communications_lead")
    private String communicationsLead;
    @Column(name = "major_time_box_ends_at")
    private Instant majorTimeBoxEndsAt;
    @Column(name = "response_due_at")
    private Instant responseDueAt;
    @Column(name = "resolution_due_at")
    private Instant resolutionDueAt;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "response_breached")
    private boolean responseBreached;
    @Column(name = "resolution_breached")
    private boolean resolutionBreached;
    @Column(name = "response_warned")
    private boolean responseWarned;
    @Column(name = "resolution_warned")
    private boolean resolutionWarned;
    @Column(name = "paused_at")
    private Instant pausedAt;
    @Column(name = "paused_seconds")
    private long pausedSeconds;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_type")
    private ResolutionType resolutionType;
    @Column(name = "resolution_notes")
    private String resolutionNotes;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    private String closure;
    @Column(name = "reopen_count")
    private int reopenCount;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Incident() {
    }

    Incident(String id, NewIncident details, IncidentSource source, Instant now) {
        this.id = id;
        this.title = details.title();
        this.description = details.description();
        this.caller = details.caller();
        this.vipCaller = Boolean.TRUE.equals(details.vipCaller());
        this.serviceId = details.serviceId();
        this.category = details.category();
        this.impact = details.impact();
        this.urgency = details.urgency();
        this.source = source;
        this.state = IncidentState.NEW;
        this.tier = IncidentTier.NORMAL;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void assignTo(String group, Instant now) {
        this.resolverGroup = group;
        touch(now);
    }

    void prioritize(Priority priority, Instant responseDueAt, Instant resolutionDueAt, Instant now) {
        this.priority = priority;
        this.responseDueAt = responseDueAt;
        this.resolutionDueAt = resolutionDueAt;
        this.state = IncidentState.IN_PROGRESS;
        touch(now);
    }

    /** @return false when a response was already recorded */
    boolean respond(Instant now) {
        if (respondedAt != null) {
            return false;
        }
        respondedAt = now;
        touch(now);
        return true;
    }

    void breach(SlaClock clock, Instant now) {
        if (clock == SlaClock.RESPONSE) {
            responseBreached = true;
        } else {
            resolutionBreached = true;
        }
        touch(now);
    }

    void pause(Instant now) {
        if (pausedAt != null) {
            throw new IllegalStateException("Incident " + id + " is already on hold");
        }
        pausedAt = now;
        state = IncidentState.ON_HOLD;
        touch(now);
    }

    /** Ends a pause, moving the due dates by the time spent on hold. */
    Duration resume(Instant now) {
        if (pausedAt == null) {
            throw new IllegalStateException("Incident " + id + " is not on hold");
        }
        Duration held = Duration.between(pausedAt, now);
        pausedAt = null;
        state = IncidentState.IN_PROGRESS;
        shiftDueDates(held);
        touch(now);
        return held;
    }

    void resolve(ResolutionType type, String notes, Instant now) {
        resolutionType = type;
        resolutionNotes = notes;
        resolvedAt = now;
        state = IncidentState.RESOLVED;
        touch(now);
    }

    /** Back to work after the caller said it is not fixed; the time spent resolved does not count. */
    Duration reopen(Instant now) {
        Duration resolvedFor = Duration.between(resolvedAt, now);
        shiftDueDates(resolvedFor);
        resolutionType = null;
        resolvedAt = null;
        reopenCount++;
        state = IncidentState.IN_PROGRESS;
        touch(now);
        return resolvedFor;
    }

    void close(String closure, Instant now) {
        this.closure = closure;
        closedAt = now;
        state = IncidentState.CLOSED;
        touch(now);
    }

    /** @return false when the lead of this clock was already warned */
    boolean warn(SlaClock clock, Instant now) {
        boolean first = clock == SlaClock.RESPONSE ? !responseWarned : !resolutionWarned;
        if (clock == SlaClock.RESPONSE) {
            responseWarned = true;
        } else {
            resolutionWarned = true;
        }
        touch(now);
        return first;
    }

    /** Major incident management takes over; triage decides whether it stays there. */
    void escalateToMajor(String reason, Instant now) {
        if (majorPhase == MajorPhase.TRIAGE || majorPhase == MajorPhase.ACTIVE) {
            throw new IllegalStateException("Incident " + id + " is already a major incident (" + majorPhase + ")");
        }
        tier = IncidentTier.MAJOR;
        majorPhase = MajorPhase.TRIAGE;
        majorReason = reason;
        incidentCommander = null;
        communicationsLead = null;
        majorTimeBoxEndsAt = null;
        touch(now);
    }

    void activateMajor(Instant timeBoxEndsAt, Instant now) {
        requireMajorPhase(MajorPhase.TRIAGE);
        majorPhase = MajorPhase.ACTIVE;
        majorTimeBoxEndsAt = timeBoxEndsAt;
        touch(now);
    }

    void deactivateMajor(Instant now) {
        requireMajorPhase(MajorPhase.TRIAGE);
        majorPhase = MajorPhase.DEACTIVATED;
        tier = IncidentTier.NORMAL;
        touch(now);
    }

    void assignMajorRoles(String commander, String communications, Instant now) {
        requireMajorPhase(MajorPhase.ACTIVE);
        incidentCommander = commander;
        communicationsLead = communications;
        touch(now);
    }

    void extendTimeBox(Instant endsAt, Instant now) {
        requireMajorPhase(MajorPhase.ACTIVE);
        majorTimeBoxEndsAt = endsAt;
        touch(now);
    }

    void restoreMajor(ResolutionType type, String notes, Instant now) {
        requireMajorPhase(MajorPhase.ACTIVE);
        majorPhase = MajorPhase.RESTORED;
        resolve(type, notes, now);
    }

    private void requireMajorPhase(MajorPhase expected) {
        if (majorPhase != expected) {
            throw new IllegalStateException("Incident " + id + " is " + (majorPhase == null ? "no major incident"
                    : "in major incident phase " + majorPhase) + ", expected " + expected);
        }
    }

    void enterContinuity(Instant now) {
        tier = IncidentTier.CONTINUITY;
        touch(now);
    }

    /** Service continuity was declined, or has ended: major incident management owns the incident again. */
    void returnToMajor(Instant now) {
        tier = IncidentTier.MAJOR;
        touch(now);
    }

    private void shiftDueDates(Duration by) {
        pausedSeconds += by.toSeconds();
        responseDueAt = responseDueAt == null ? null : responseDueAt.plus(by);
        resolutionDueAt = resolutionDueAt == null ? null : resolutionDueAt.plus(by);
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getCaller() { return caller; }
    public boolean isVipCaller() { return vipCaller; }
    public String getServiceId() { return serviceId; }
    public Category getCategory() { return category; }
    public Level getImpact() { return impact; }
    public Level getUrgency() { return urgency; }
    public IncidentSource getSource() { return source; }
    public Priority getPriority() { return priority; }
    public IncidentState getState() { return state; }
    public IncidentTier getTier() { return tier; }
    public String getResolverGroup() { return resolverGroup; }
    public String getMajorReason() { return majorReason; }
    public MajorPhase getMajorPhase() { return majorPhase; }
    public String getIncidentCommander() { return incidentCommander; }
    public String getCommunicationsLead() { return communicationsLead; }
    public Instant getMajorTimeBoxEndsAt() { return majorTimeBoxEndsAt; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public Instant getRespondedAt() { return respondedAt; }
    public boolean isResponseBreached() { return responseBreached; }
    public boolean isResolutionBreached() { return resolutionBreached; }
    public Instant getPausedAt() { return pausedAt; }
    public long getPausedSeconds() { return pausedSeconds; }
    public ResolutionType getResolutionType() { return resolutionType; }
    public String getResolutionNotes() { return resolutionNotes; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosure() { return closure; }
    public int getReopenCount() { return reopenCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
