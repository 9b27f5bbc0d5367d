package io.incidentflow.notify.oncall;

import io.incidentflow.engine.CurrentActor;
import io.incidentflow.engine.Identities;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.notify.Audience;
import io.incidentflow.common.FieldProblem;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.common.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on call: the shifts of a group's schedule at a time, overrides applied, and who a page, a
 * group message or a lead message reaches. A group without a schedule is reached through the members
 * of its Camunda group (with the email address of their Camunda profile).
 */
@Service
@Transactional(readOnly = true)
public class OnCallService {

    private final OnCallScheduleRepository schedules;
    private final OnCallOverrideRepository overrides;
    private final PersonRepository people;
    private final Identities identities;
    private final JdbcTemplate jdbc;
    private final CurrentActor actor;

    public OnCallService(OnCallScheduleRepository schedules, OnCallOverrideRepository overrides,
                         PersonRepository people, Identities identities, JdbcTemplate jdbc, CurrentActor actor) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.people = people;
        this.identities = identities;
        this.jdbc = jdbc;
        this.actor = actor;
    }

    public List<OnCallSchedule> all() {
        return schedules.findAllByOrderByGroupIdAsc();
    }

    public Optional<OnCallSchedule> scheduleOf(String group) {
        return schedules.findByGroupId(group);
    }

    public OnCallSchedule requireSchedule(String group) {
        return scheduleOf(group).orElseThrow(() -> new NotFoundException("on-call schedule for group", group));
    }

    /** Who covers each escalation level of the schedule at {@code at}, an override winning over the rotation. */
    public List<Shift> shifts(OnCallSchedule schedule, Instant at) {
        List<OnCallOverride> covering = overrides.coveringAt(schedule.getId(), at);
        return schedule.getRotations().stream()
                .map(rotation -> covering.stream().filter(o -> o.getLevel() == rotation.getLevel()).findFirst()
                        .map(OnCallOverride::toShift)
                        .orElseGet(() -> rotation.shiftAt(at, schedule.zone())))
                .toList();
    }

    /** How many levels a page of the group escalates through: one per rotation, then the whole group. */
    public int levelCount(String group) {
        return scheduleOf(group).map(s -> s.getRotations().size()).orElse(0) + 1;
    }

    /**
     * Who escalation level {@code level} (from 1) of a page reaches at {@code at}: the person on call at that
     * level; the last level, and the only one of a group without a schedule, is the group's members. Empty when
     * the group has nobody on call and no members: the caller decides whether the lead is the fallback.
     */
    public List<Person> pageLevel(String group, int level, Instant at) {
        Optional<OnCallSchedule> schedule = scheduleOf(group);
        List<Shift> shifts = schedule.map(s -> shifts(s, at)).orElse(List.of());
        if (level <= shifts.size()) {
            return List.of(person(shifts.get(level - 1).personId()));
        }
        return members(group);
    }

    /** The people of the schedule's rotations and the members of the Camunda group; not the lead. */
    public List<Person> members(String group) {
        Stream<String> scheduled = scheduleOf(group).stream()
                .flatMap(s -> s.getRotations().stream().flatMap(r -> r.getMembers().stream()));
        return distinct(Stream.concat(scheduled, camundaMembers(group)).map(this::person));
    }

    /** The lead the group's schedule names, if any (no fallback to whoever is on call). */
    public Optional<Person> namedLead(String group) {
        return scheduleOf(group).map(OnCallSchedule::getLeadId).map(this::person);
    }

    /** Everyone on call for the group at {@code at}, at any level; without a schedule, the whole group. */
    public List<Person> onCall(String group, Instant at) {
        return scheduleOf(group)
                .map(s -> distinct(shifts(s, at).stream().map(shift -> person(shift.personId()))))
                .orElseGet(() -> wholeGroup(group));
    }

    /** The group's lead; where the schedule names none, whoever is on call at level 1, else the whole group. */
    public List<Person> lead(String group, Instant at) {
        Optional<OnCallSchedule> schedule = scheduleOf(group);
        if (schedule.isPresent() && schedule.get().getLeadId() != null) {
            return List.of(person(schedule.get().getLeadId()));
        }
        return pageLevel(group, 1, at);
    }

    /** Everyone of the schedule (rotation members, lead) and every member of the Camunda group. */
    public List<Person> wholeGroup(String group) {
        Stream<String> scheduled = scheduleOf(group).stream().flatMap(s -> Stream.concat(
                s.getRotations().stream().flatMap(r -> r.getMembers().stream()), Stream.ofNullable(s.getLeadId())));
        return distinct(Stream.concat(scheduled, camundaMembers(group)).map(this::person));
    }

    private Stream<String> camundaMembers(String group) {
        return identities.membersOf(group).stream();
    }

    /** The distribution lists of an audience. */
    public List<Person> audience(Audience audience) {
        return jdbc.queryForList("select person_id from notify_audience_member where audience = ? order by person_id",
                String.class, audience.code()).stream().map(this::person).toList();
    }

    /** A person of the on-call file, else a Camunda user (with the email address of their profile). */
    public Person person(String id) {
        return findPerson(id).orElseThrow(() -> new NotFoundException("person", id));
    }

    public Optional<Person> findPerson(String id) {
        return people.findById(id).or(() -> identities.user(id)
                .map(user -> new Person(user.id(), user.displayName(), user.email(), null, null)));
    }

    /** Someone covers a level of the group's schedule for a while. Bad input is refused naming the field. */
    @Transactional
    public OnCallOverride addOverride(String group, int level, String personId, Instant from, Instant until,
                                      String reason) {
        OnCallSchedule schedule = requireSchedule(group);
        List<FieldProblem> problems = new ArrayList<>();
        int levels = schedule.getRotations().size();
        if (level < 1 || level > levels) {
            problems.add(new FieldProblem("level",
                    "must be between 1 and " + levels + " (the levels of schedule " + schedule.getId() + ")"));
        }
        if (personId == null || findPerson(personId).isEmpty()) {
            problems.add(new FieldProblem("personId",
                    "unknown person '" + personId + "' (a person of the on-call file or a Camunda user)"));
        }
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add(new FieldProblem("until", "must be after from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!people.existsById(personId)) {
            // a Camunda user covering a shift joins the directory, so the override can refer to them
            people.save(person(personId));
        }
        return overrides.save(new OnCallOverride(schedule.getId(), level, personId, from, until, reason, actor.id(),
                EngineClock.now()));
    }

    @Transactional
    public void removeOverride(String group, long overrideId) {
        OnCallSchedule schedule = requireSchedule(group);
        OnCallOverride override = overrides.findById(overrideId)
                .filter(o -> o.getScheduleId().equals(schedule.getId()))
                .orElseThrow(() -> new NotFoundException("override of group " + group, String.valueOf(overrideId)));
        overrides.delete(override);
    }

    private static List<Person> distinct(Stream<Person> persons) {
        Map<String, Person> byId = new LinkedHashMap<>();
        persons.forEach(p -> byId.putIfAbsent(p.getId(), p));
        return List.copyOf(byId.values());
    }
}
