package io.incidentflow.reports;

import static io.incidentflow.common.TimelineEventType.*;

import io.incidentflow.common.TimelineEventType;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Priority;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restoration metrics of the incidents logged in a period, computed only from recorded times: the incident
 * rows, their timelines ({@code incident_event}), the pages ({@code page}) and the engine's history of task
 * claims. The wall clock is never read, so the same data gives the same figures whenever they are asked for.
 * The definitions are in the README ("Restoration metrics").
 */
@Service
@Transactional(readOnly = true)
public class RestorationMetrics {

    /** Timeline types the metrics read. */
    private static final Set<TimelineEventType> EVENT_TYPES = EnumSet.of(RESPONDED, PAGE_ACKNOWLEDGED,
            MAJOR_ACTIVATED, MAJOR_ROLES, BRIDGE_JOINED, RESOLVED, REOPENED, RESTORED, CONTINUITY_INVOKED,
            RTO_EXCEEDED, RESTORED_AT_RECOVERY_SITE);

    private final JdbcTemplate jdbc;
    private final HistoryService history;

    public RestorationMetrics(JdbcTemplate jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Which incidents count: logged in {@code [from, to)}, of the service, priority and tier; null is "any". */
    public record Scope(Instant from, Instant to, String service, Priority priority, IncidentTier tier) {
    }

    /** A duration's distribution in whole seconds; median and p90 by nearest rank, null without values. */
    public record Durations(int count, Long medianSeconds, Long p90Seconds) {

        static Durations of(List<Duration> values) {
            List<Long> seconds = values.stream().map(Duration::getSeconds).sorted().toList();
            return new Durations(seconds.size(), nearestRank(seconds, 50), nearestRank(seconds, 90));
        }

        private static Long nearestRank(List<Long> sorted, int percentile) {
            if (sorted.isEmpty()) {
                return null;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }
    }

    /** {@code count} of {@code of}; the rate is null when there is nothing to count. */
    public record Rate(int count, int of, Double rate) {

        static Rate of(long count, long of) {
            return new Rate((int) count, (int) of, of == 0 ? null : (double) count / of);
        }
    }

    /** Mean time between the logging of consecutive incidents of one service; null below two incidents. */
    public record ServiceFailures(String service, int incidents, Long meanSecondsBetween) {
    }

    public record Continuity(int invocations, int rtoMet, int rtoMissed) {
    }

    public record Metrics(Scope scope, int incidents, Map<String, Integer> byPriority, Map<String, Integer> byTier,
                          Durations timeToAcknowledge, Durations timeToEngage, Durations timeToJoinBridge,
                          Durations timeToRestore, Rate slaResponseBreached, Rate slaResolutionBreached,
                          Rate reopened, List<ServiceFailures> meanTimeBetweenFailures, Continuity continuity) {
    }

    /** One incident's recorded times. */
    private record Row(String id, String service, Priority priority, IncidentTier tier, Instant logged,
                       boolean responseBreached, boolean resolutionBreached, int reopenCount) {
    }

    private record Event(Instant at, TimelineEventType type) {
    }

    public Metrics compute(Scope scope) {
        List<Row> rows = incidents(scope);
        Map<String, List<Event>> timelines = timelines(rows);
        Map<String, Instant> firstClaims = firstClaims(rows, scope.from());
        Map<String, Instant> firstPageAcks = firstPageAcknowledgements(rows);

        List<Duration> acknowledge = new ArrayList<>();
        List<Duration> engage = new ArrayList<>();
        List<Duration> joinBridge = new ArrayList<>();
        List<Duration> restore = new ArrayList<>();
        int invocations = 0;
        int rtoMet = 0;
        int rtoMissed = 0;
        for (Row row : rows) {
            List<Event> timeline = timelines.getOrDefault(row.id(), List.of());
            earliest(first(timeline, row.logged(), RESPONDED, PAGE_ACKNOWLEDGED), firstPageAcks.get(row.id()),
                    firstClaims.get(row.id()))
                    .filter(at -> !at.isBefore(row.logged()))
                    .ifPresent(at -> acknowledge.add(Duration.between(row.logged(), at)));
            Instant activated = first(timeline, row.logged(), MAJOR_ACTIVATED);
            if (activated != null) {
                between(activated, first(timeline, activated, MAJOR_ROLES), engage);
                between(activated, first(timeline, activated, BRIDGE_JOINED), joinBridge);
            }
            between(row.logged(), restored(timeline), restore);
            long invoked = timeline.stream().filter(e -> e.type() == CONTINUITY_INVOKED).count();
            invocations += (int) invoked;
            if (invoked > 0 && has(timeline, RTO_EXCEEDED)) {
                rtoMissed++;
            } else if (invoked > 0 && has(timeline, RESTORED_AT_RECOVERY_SITE)) {
                rtoMet++;
            }
        }

        Map<String, Integer> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.name(), (int) rows.stream().filter(r -> r.priority() == priority).count());
        }
        byPriority.put("none", (int) rows.stream().filter(r -> r.priority() == null).count());
        Map<String, Integer> byTier = new LinkedHashMap<>();
        for (IncidentTier tier : IncidentTier.values()) {
            byTier.put(tier.name(), (int) rows.stream().filter(r -> r.tier() == tier).count());
        }
        // an SLA runs for a prioritized incident only
        List<Row> withSla = rows.stream().filter(r -> r.priority() != null).toList();
        return new Metrics(scope, rows.size(), byPriority, byTier, Durations.of(acknowledge), Durations.of(engage),
                Durations.of(joinBridge), Durations.of(restore),
                Rate.of(withSla.stream().filter(Row::responseBreached).count(), withSla.size()),
                Rate.of(withSla.stream().filter(Row::resolutionBreached).count(), withSla.size()),
                Rate.of(rows.stream().filter(r -> r.reopenCount() > 0).count(), rows.size()),
                failures(rows), new Continuity(invocations, rtoMet, rtoMissed));
    }

    /**
     * When the service was restored: a major incident's first RESTORED; otherwise the last RESOLVED, unless the
     * caller reopened the incident after it (then it is not restored yet).
     */
    private static Instant restored(List<Event> timeline) {
        Instant restored = first(timeline, Instant.MIN, RESTORED);
        if (restored != null) {
            return restored;
        }
        Event last = null;
        for (Event event : timeline) {
            if (event.type() == RESOLVED || event.type() == REOPENED) {
                last = event;
            }
        }
        return last != null && last.type() == RESOLVED ? last.at() : null;
    }

    private static List<ServiceFailures> failures(List<Row> rows) {
        Map<String, List<Instant>> logged = new TreeMap<>();
        rows.forEach(r -> logged.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r.logged()));
        List<ServiceFailures> failures = new ArrayList<>();
        logged.forEach((service, times) -> {
            times.sort(Comparator.naturalOrder());
            Long mean = times.size() < 2 ? null
                    : Duration.between(times.get(0), times.get(times.size() - 1)).getSeconds() / (times.size() - 1);
            failures.add(new ServiceFailures(service, times.size(), mean));
        });
        return failures;
    }

    private List<Row> incidents(Scope scope) {
        StringBuilder sql = new StringBuilder("select id, service_id, priority, tier, created_at, response_breached,"
                + " resolution_breached, reopen_count from incident where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (scope.from() != null) {
            sql.append(" and created_at >= ?");
            args.add(Timestamp.from(scope.from()));
        }
        if (scope.to() != null) {
            sql.append(" and created_at < ?");
            args.add(Timestamp.from(scope.to()));
        }
        if (scope.service() != null) {
            sql.append(" and service_id = ?");
            args.add(scope.service());
        }
        if (scope.priority() != null) {
            sql.append(" and priority = ?");
            args.add(scope.priority().name());
        }
        if (scope.tier() != null) {
            sql.append(" and tier = ?");
            args.add(scope.tier().name());
        }
        return jdbc.query(sql.append(" order by created_at, id").toString(), (rs, n) -> new Row(rs.getString(1),
                rs.getString(2), rs.getString(3) == null ? null : Priority.valueOf(rs.getString(3)),
                IncidentTier.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getBoolean(6),
                rs.getBoolean(7), rs.getInt(8)), args.toArray());
    }

    private Map<String, List<Event>> timelines(List<Row> rows) {
        Map<String, List<Event>> timelines = new HashMap<>();
        for (List<String> ids : chunks(rows)) {
            String sql = "select incident_id, occurred_at, type from incident_event where incident_id in ("
                    + placeholders(ids.size()) + ") and type in (" + placeholders(EVENT_TYPES.size())
                    + ") order by occurred_at, id";
            List<Object> args = new ArrayList<>(ids);
            EVENT_TYPES.forEach(type -> args.add(type.name()));
            jdbc.query(sql, rs -> {
                timelines.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                        .add(new Event(rs.getTimestamp(2).toInstant(),
                                TimelineEventType.valueOf(rs.getString(3))));
            }, args.toArray());
        }
        return timelines;
    }

    private Map<String, Instant> firstPageAcknowledgements(List<Row> rows) {
        Map<String, Instant> first = new HashMap<>();
        for (List<String> ids : chunks(rows)) {
            jdbc.query("select incident_id, min(acknowledged_at) from page where acknowledged_at is not null"
                    + " and incident_id in (" + placeholders(ids.size()) + ") group by incident_id",
                    rs -> {
                        first.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }, ids.toArray());
        }
        return first;
    }

    /** The first claim of a task of any process instance of the incident (the business key is the incident id). */
    private Map<String, Instant> firstClaims(List<Row> rows, Instant from) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        UserOperationLogQuery query = history.createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM);
        if (from != null) {
            query.afterTimestamp(Date.from(from.minusMillis(1)));
        }
        Map<String, Instant> byInstance = new HashMap<>();
        for (UserOperationLogEntry claim : query.list()) {
            if (claim.getProcessInstanceId() != null) {
                byInstance.merge(claim.getProcessInstanceId(), claim.getTimestamp().toInstant(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (byInstance.isEmpty()) {
            return Map.of();
        }
        Set<String> incidentIds = rows.stream().map(Row::id).collect(Collectors.toSet());
        Map<String, Instant> byIncident = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceIds(byInstance.keySet()).list()) {
            if (incidentIds.contains(instance.getBusinessKey())) {
                byIncident.merge(instance.getBusinessKey(), byInstance.get(instance.getId()),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return byIncident;
    }

    /** The first event of one of the types at or after {@code after}; null if none. */
    private static Instant first(List<Event> timeline, Instant after, TimelineEventType... types) {
        Set<TimelineEventType> wanted = Set.of(types);
        return timeline.stream().filter(e -> wanted.contains(e.type()) && !e.at().isBefore(after))
                .map(Event::at).findFirst().orElse(null);
    }

    private static boolean has(List<Event> timeline, TimelineEventType type) {
        return timeline.stream().anyMatch(e -> e.type() == type);
    }

    private static Optional<Instant> earliest(Instant... candidates) {
        return Arrays.stream(candidates).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    private static void between(Instant start, Instant end, Collection<Duration> into) {
        if (end != null) {
            into.add(Duration.between(start, end));
        }
    }

    /** Incident ids in groups small enough for an {@code in (...)} list on every database. */
    private static List<List<String>> chunks(List<Row> rows) {
        List<String> ids = rows.stream().map(Row::id).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
