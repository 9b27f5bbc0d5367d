package io.incidentflow.notify.oncall;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentflow.common.Coded;
import io.incidentflow.notify.Audience;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the on-call file (YAML, edited by process owners) at start-up: people, schedules and audience
 * lists not yet in the database are added; what is there is kept (covering a shift is an override,
 * through the API). A broken file stops the start with a message naming the entry and the field.
 */
@Component
public class OnCallSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OnCallSeeder.class);

    private final PersonRepository people;
    private final OnCallScheduleRepository schedules;
    private final JdbcTemplate jdbc;
    private final ResourceLoader resources;
    private final String seedLocation;

    public OnCallSeeder(PersonRepository people, OnCallScheduleRepository schedules, JdbcTemplate jdbc,
                        ResourceLoader resources, @Value("${incidentflow.oncall.seed:}") String seedLocation) {
        this.people = people;
        this.schedules = schedules;
        this.jdbc = jdbc;
        this.resources = resources;
        this.seedLocation = seedLocation;
    }

    record OnCallFile(List<PersonEntry> people, List<ScheduleEntry> schedules, Map<String, List<String>> audiences) {
    }

    record PersonEntry(String id, String name, String email, String phone, String chat) {
    }

    record ScheduleEntry(String id, String group, String timeZone, String lead, List<LevelEntry> levels) {
    }

    record LevelEntry(LocalDate startDate, String handoff, Integer shiftDays, List<String> people) {
    }

    /** What the file holds, checked. */
    record OnCall(List<Person> people, List<OnCallSchedule> schedules, Map<Audience, List<String>> audiences) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (seedLocation.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(seedLocation);
        if (!resource.exists()) {
            throw new IllegalStateException("On-call file " + seedLocation + " does not exist");
        }
        OnCall onCall = parse(resource);
        int newPeople = 0;
        for (Person person : onCall.people()) {
            if (!people.existsById(person.getId())) {
                people.save(person);
                newPeople++;
            }
        }
        int newSchedules = 0;
        for (OnCallSchedule schedule : onCall.schedules()) {
            if (!schedules.existsById(schedule.getId())) {
                schedules.save(schedule);
                newSchedules++;
            }
        }
        people.flush();
        onCall.audiences().forEach((audience, members) -> members.forEach(member -> jdbc.update(
                "insert into notify_audience_member (audience, person_id) select ?, ? where not exists "
                        + "(select 1 from notify_audience_member where audience = ? and person_id = ?)",
                audience.code(), member, audience.code(), member)));
        log.info("On-call: {} people and {} schedules in {}, {} and {} new", onCall.people().size(),
                onCall.schedules().size(), seedLocation, newPeople, newSchedules);
    }

    static OnCall parse(Resource resource) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        OnCallFile file;
        try (InputStream in = resource.getInputStream()) {
            file = yaml.readValue(in, OnCallFile.class);
        }
        String source = resource.getDescription();
        List<Person> persons = new ArrayList<>();
        Set<String> personIds = new HashSet<>();
        List<PersonEntry> personEntries = file == null || file.people() == null ? List.of() : file.people();
        for (int i = 0; i < personEntries.size(); i++) {
            PersonEntry e = personEntries.get(i);
            String where = source + " people[" + i + "]" + (e.id() == null ? "" : " (" + e.id() + ")");
            require(e.id(), "id", where);
            require(e.name(), "name", where);
            if (!personIds.add(e.id())) {
                throw new IllegalStateException(where + ": id '" + e.id() + "' appears twice");
            }
            persons.add(new Person(e.id(), e.name(), e.email(), e.phone(), e.chat()));
        }
        List<OnCallSchedule> parsed = new ArrayList<>();
        Set<String> scheduleIds = new HashSet<>();
        Set<String> groups = new HashSet<>();
        List<ScheduleEntry> scheduleEntries = file == null || file.schedules() == null ? List.of() : file.schedules();
        for (int i = 0; i < scheduleEntries.size(); i++) {
            ScheduleEntry e = scheduleEntries.get(i);
            String where = source + " schedules[" + i + "]" + (e.id() == null ? "" : " (" + e.id() + ")");
            require(e.id(), "id", where);
            require(e.group(), "group", where);
            if (!scheduleIds.add(e.id()) || !groups.add(e.group())) {
                throw new IllegalStateException(where + ": id '" + e.id() + "' or group '" + e.group()
                        + "' appears twice (one schedule per group)");
            }
            if (e.lead() != null) {
                known(e.lead(), personIds, "lead", where);
            }
            parsed.add(new OnCallSchedule(e.id(), e.group(), zone(e.timeZone(), where), e.lead(),
                    levels(e.levels(), personIds, where)));
        }
        Map<Audience, List<String>> audiences = new EnumMap<>(Audience.class);
        Map<String, List<String>> audienceEntries = file == null || file.audiences() == null ? Map.of() : file.audiences();
        audienceEntries.forEach((code, members) -> {
            String where = source + " audiences." + code;
            Audience audience;
            try {
                audience = Coded.fromCode(Audience.class, code);
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
            }
            List<String> ids = members == null ? List.of() : members;
            ids.forEach(member -> known(member, personIds, "member", where));
            audiences.put(audience, ids);
        });
        return new OnCall(persons, parsed, audiences);
    }

    private static List<OnCallRotation> levels(List<LevelEntry> entries, Set<String> personIds, String schedule) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalStateException(schedule + ": levels is required (level 1 is paged first)");
        }
        List<OnCallRotation> rotations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LevelEntry e = entries.get(i);
            String where = schedule + " levels[" + i + "] (level " + (i + 1) + ")";
            if (e.startDate() == null) {
                throw new IllegalStateException(where + ": startDate is required (the first day of the rotation)");
            }
            if (e.shiftDays() == null || e.shiftDays() < 1) {
                throw new IllegalStateException(where + ": shiftDays is required and at least 1");
            }
            if (e.people() == null || e.people().isEmpty()) {
                throw new IllegalStateException(where + ": people is required (who takes turns, in order)");
            }
            e.people().forEach(p -> known(p, personIds, "people", where));
            rotations.add(new OnCallRotation(i + 1, e.startDate(), handoff(e.handoff(), where), e.shiftDays(),
                    e.people()));
        }
        return rotations;
    }

    private static LocalTime handoff(String value, String where) {
        require(value, "handoff", where);
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException ex) {
            throw new IllegalStateException(where + ": handoff '" + value + "' is not a time of day such as 09:00", ex);
        }
    }

    private static ZoneId zone(String value, String where) {
        require(value, "timeZone", where);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException ex) {
            throw new IllegalStateException(where + ": timeZone '" + value + "' is not a time zone such as Europe/Berlin", ex);
        }
    }

    private static void known(String personId, Set<String> personIds, String field, String where) {
        if (!personIds.contains(personId)) {
            throw new IllegalStateException(where + ": " + field + " '" + personId + "' is not in people");
        }
    }

    private static void require(String value, String field, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(where + ": " + field + " is required");
        }
    }
}
