package io.incidentflow.notify.oncall;

import io.incidentflow.engine.EngineClock;
import io.incidentflow.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/oncall")
@Tag(name = "On-call", description = "Who is on call for a group, and overrides of the rotations")
public class OnCallController {

    /** Changing who is on call is for process owners and administrators. */
    static final String SCHEDULE_EDITORS = Roles.Has.PROCESS_OWNERS + " or " + Roles.Has.CAMUNDA_ADMIN;

    private final OnCallService onCall;

    public OnCallController(OnCallService onCall) {
        this.onCall = onCall;
    }

    public record PersonView(String id, String name) {
        static PersonView of(Person person) {
            return new PersonView(person.getId(), person.getName());
        }
    }

    public record ShiftView(int level, PersonView person, Instant from, Instant until, Long overrideId) {
    }

    public record OnCallView(String group, String schedule, String timeZone, Instant at, List<ShiftView> levels,
                             PersonView lead, List<PersonView> wholeGroup) {
    }

    public record ScheduleView(String id, String group, String timeZone, int levels) {
    }

    public record NewOverride(
            @NotNull @Schema(description = "Escalation level covered, from 1", example = "1") Integer level,
            @NotBlank @Schema(description = "Who covers it: a person of the on-call file or a Camunda user",
                    example = "bob") String personId,
            @NotNull @Schema(example = "2026-07-01T07:00:00Z") Instant from,
            @NotNull @Schema(example = "2026-07-08T07:00:00Z") Instant until,
            @Size(max = 500) String reason) {
    }

    public record OverrideView(long id, String schedule, int level, String personId, Instant from, Instant until,
                               String reason, String createdBy, Instant createdAt) {
        static OverrideView of(OnCallOverride o) {
            return new OverrideView(o.getId(), o.getScheduleId(), o.getLevel(), o.getPersonId(), o.getStartsAt(),
                    o.getEndsAt(), o.getReason(), o.getCreatedBy(), o.getCreatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "The on-call schedules, one per group")
    public List<ScheduleView> schedules() {
        return onCall.all().stream()
                .map(s -> new ScheduleView(s.getId(), s.getGroupId(), s.getTimeZone(), s.getRotations().size()))
                .toList();
    }

    @GetMapping("/{group}")
    @Transactional(readOnly = true)
    @Operation(summary = "Who is on call for the group at a time (level 1, level 2, …), overrides applied")
    public OnCallView at(@PathVariable String group,
                         @Parameter(description = "ISO-8601 instant; now when absent", example = "2026-07-01T08:30:00Z")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        OnCallSchedule schedule = onCall.requireSchedule(group);
        Instant when = at != null ? at : EngineClock.now();
        List<ShiftView> levels = onCall.shifts(schedule, when).stream()
                .map(s -> new ShiftView(s.level(), PersonView.of(onCall.person(s.personId())), s.from(), s.until(),
                        s.overrideId()))
                .toList();
        PersonView lead = schedule.getLeadId() == null ? null : PersonView.of(onCall.person(schedule.getLeadId()));
        return new OnCallView(group, schedule.getId(), schedule.getTimeZone(), when, levels, lead,
                onCall.wholeGroup(group).stream().map(PersonView::of).toList());
    }

    @PostMapping("/{group}/overrides")
    @PreAuthorize(SCHEDULE_EDITORS)
    @Operation(summary = "Someone covers a level of the group's schedule for a while (process-owners, camunda-admin)")
    public ResponseEntity<OverrideView> addOverride(@PathVariable String group, @Valid @RequestBody NewOverride request) {
        OnCallOverride created = onCall.addOverride(group, request.level(), request.personId(), request.from(),
                request.until(), request.reason());
        return ResponseEntity.created(URI.create("/api/oncall/" + group + "/overrides/" + created.getId()))
                .body(OverrideView.of(created));
    }

    @DeleteMapping("/{group}/overrides/{id}")
    @PreAuthorize(SCHEDULE_EDITORS)
    @Operation(summary = "Remove an override (process-owners, camunda-admin)")
    public ResponseEntity<Void> removeOverride(@PathVariable String group, @PathVariable long id) {
        onCall.removeOverride(group, id);
        return ResponseEntity.noContent().build();
    }
}
