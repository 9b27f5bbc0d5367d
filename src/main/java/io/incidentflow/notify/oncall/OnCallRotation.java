package io.incidentflow.notify.oncall;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One escalation level of a schedule: its members take turns, each for {@code shiftDays} days, the shift
 * changing at {@code handoffTime} local time, counted from {@code startDate}. Handoffs follow the wall
 * clock of the schedule's zone, so a 09:00 handoff stays at 09:00 across daylight-saving changes.
 */
@Entity
@Table(name = "oncall_rotation")
public class OnCallRotation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int level;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "handoff_time")
    private LocalTime handoffTime;
    @Column(name = "shift_days")
    private int shiftDays;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oncall_rotation_member", joinColumns = @JoinColumn(name = "rotation_id"))
    @OrderColumn(name = "position")
    @Column(name = "person_id")
    private List<String> members = new ArrayList<>();

    protected OnCallRotation() {
    }

    public OnCallRotation(int level, LocalDate startDate, LocalTime handoffTime, int shiftDays, List<String> members) {
        this.level = level;
        this.startDate = startDate;
        this.handoffTime = handoffTime;
        this.shiftDays = shiftDays;
        this.members = new ArrayList<>(members);
    }

    /** Who is on this level at {@code at}, and from when until when. */
    public Shift shiftAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate shiftDay = local.toLocalTime().isBefore(handoffTime)
                ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        long shift = Math.floorDiv(ChronoUnit.DAYS.between(startDate, shiftDay), (long) shiftDays);
        LocalDate from = startDate.plusDays(shift * shiftDays);
        return new Shift(level, members.get((int) Math.floorMod(shift, (long) members.size())),
                from.atTime(handoffTime).atZone(zone).toInstant(),
                from.plusDays(shiftDays).atTime(handoffTime).atZone(zone).toInstant(), null);
    }

    public int getLevel() { return level; }
    public LocalDate getStartDate() { return startDate; }
    public LocalTime getHandoffTime() { return handoffTime; }
    public int getShiftDays() { return shiftDays; }
    public List<String> getMembers() { return List.copyOf(members); }
}
