package io.incidentflow.notify.oncall;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The on-call schedule of a Camunda group: its escalation levels (rotations) and its lead. */
@Entity
@Table(name = "oncall_schedule")
public class OnCallSchedule {

    @Id
    private String id;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "lead_id")
    private String leadId;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "schedule_id", nullable = false)
    @OrderBy("level")
    private List<OnCallRotation> rotations = new ArrayList<>();

    protected OnCallSchedule() {
    }

    public OnCallSchedule(String id, String groupId, ZoneId timeZone, String leadId, List<OnCallRotation> rotations) {
        this.id = id;
        this.groupId = groupId;
        this.timeZone = timeZone.getId();
        this.leadId = leadId;
        this.rotations = new ArrayList<>(rotations);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String getId() { return id; }
    public String getGroupId() { return groupId; }
    public String getTimeZone() { return timeZone; }
    public String getLeadId() { return leadId; }
    public List<OnCallRotation> getRotations() { return List.copyOf(rotations); }
}
