package io.incidentflow.notify.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone covers an escalation level of a schedule from {@code startsAt} until {@code endsAt}, in place of the rotation. */
@Entity
@Table(name = "oncall_override")
public class OnCallOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "schedule_id")
    private String scheduleId;
    private int level;
    @Column(name = "person_id")
    private String personId;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    private String reason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected OnCallOverride() {
    }

    public OnCallOverride(String scheduleId, int level, String personId, Instant startsAt, Instant endsAt,
                          String reason, String createdBy, Instant createdAt) {
        this.scheduleId = scheduleId;
        this.level = level;
        this.personId = personId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Shift toShift() {
        return new Shift(level, personId, startsAt, endsAt, id);
    }

    public Long getId() { return id; }
    public String getScheduleId() { return scheduleId; }
    public int getLevel() { return level; }
    public String getPersonId() { return personId; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getReason() { return reason; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
