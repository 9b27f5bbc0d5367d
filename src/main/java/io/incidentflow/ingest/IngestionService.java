package io.incidentflow.ingest;

import io.incidentflow.common.TimelineEventType;
import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.Criticality;
import io.incidentflow.common.LogSafe;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.MonitoringRecoveryReported;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.incident.process.IncidentProcess;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies monitoring events to incidents, each in one transaction that also records the event, so an
 * event the caller was told about (2xx) is committed, and a failed one left nothing behind.
 * <p>
 * Dedup: table {@code open_alert} has primary key (integration, dedup key) and a row only while the
 * alert is open. Of concurrent first triggers exactly one inserts the row and opens the incident; the
 * others fail on the key, are retried here and then find the row, so they are appended to that
 * incident. Resolving deletes the row: the next trigger opens a new incident.
 * <p>
 * A storm is mostly repeats of open alerts. A repeat costs a read of its alert and the event row: it goes on
 * the timeline only when it says something the timeline does not have yet. A PagerDuty trigger that opens an
 * alert is answered once the alert row and the event are stored; {@link AlertOpener} opens the incident right
 * after ({@link #openQueued}), so a storm of new alerts waits for no process start.
 */
@Service
public class IngestionService {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final int TRIGGERS_PER_COMMIT = 64;
    /**
     * Writers storing PagerDuty triggers, each with its own share of the dedup keys, so that the events of one alert
     * keep their order. One writer on PostgreSQL spent 94 % of its time in round trips (two per trigger) and bounded
     * a storm at about 2,000 events/s with the machine not full; two reached 2,460/s. On H2 a storm is bound by
     * writing pages, and two made no difference.
     */
    static final int WRITERS = 2;

    public enum Result { OPENED, APPENDED, ACKNOWLEDGED, RECOVERED, DROPPED, DUPLICATE }

    /** The request attribute where the endpoints leave the {@link Result} of an accepted event, for the metrics. */
    public static final String RESULT_ATTRIBUTE = Result.class.getName();

    /** What an event did. {@code incidentId} is null when it was dropped (no open alert to acknowledge/resolve). */
    public record Outcome(Result result, String incidentId, String dedupKey, long eventId) {
    }

    /** An alert whose first trigger was answered and stored; its incident is opened next ({@link #openQueued}). */
    public record AlertQueued(long integrationId, String dedupKey) {
    }

    private record OpenAlert(String incidentId, String incidentState, String notedSha256) {
        boolean opening() {
            return incidentId == null;
        }

        boolean closed() {
            return IncidentState.CLOSED.name().equals(incidentState);
        }
    }

    private record QueuedTrigger(long id, String payload) {
    }

    /** The event kept losing races; the caller should retry (503). Nothing was stored. */
    public static class BusyException extends RuntimeException {
        BusyException(Throwable cause) {
            super("The event could not be applied because of concurrent events with the same key; retry", cause);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IncidentProcess process;
    private final IncidentService incidents;
    private final SeverityMapping mapping;
    private final IngestProperties properties;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final IntegrationRepository integrations;
    private final PagerDutyParser pagerDuty;
    /** PagerDuty triggers, the bulk of a storm, are stored many per commit; they start no process. */
    private final List<GroupCommit> writers;

    public IngestionService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IncidentProcess process,
                            IncidentService incidents, SeverityMapping mapping, IngestProperties properties,
                            EntityManager entityManager, ApplicationEventPublisher events,
                            IntegrationRepository integrations, PagerDutyParser pagerDuty) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.process = process;
        this.incidents = incidents;
        this.mapping = mapping;
        this.properties = properties;
        this.entityManager = entityManager;
        this.events = events;
        this.integrations = integrations;
        this.pagerDuty = pagerDuty;
        this.writers = IntStream.range(0, WRITERS)
                .mapToObj(i -> new GroupCommit(transaction, TRIGGERS_PER_COMMIT, "ingest-group-commit-" + i)).toList();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (GroupCommit writer : writers) {
            writer.stop();
        }
    }

    /**
     * Applies the event and returns after its transaction committed.
     *
     * @throws ServiceNotAllowedException the event names a service the integration may not act on
     */
    public Outcome ingest(Integration integration, MonitoringEvent event) {
        mapping.namedService(event).map(BusinessService::getId)
                .filter(serviceId -> !integrations.allows(integration, serviceId))
                .ifPresent(serviceId -> {
                    boolean alertmanager = AlertmanagerParser.FORMAT.equals(event.format());
                    throw new ServiceNotAllowedException((alertmanager ? "labels." : "payload.custom_details.")
                            + properties.serviceLabel(), serviceId, alertmanager ? "integration key" : "routing key");
                });
        RuntimeException last = null;
        for (int attempt = 1; attempt <= properties.retryAttempts(); attempt++) {
            try {
                return queued(event) ? writers.get(writerOf(event.dedupKey())).run(() -> apply(integration, event))
                        : transaction.execute(status -> apply(integration, event));
            } catch (RuntimeException e) {
                if (!retryable(e)) {
                    throw e;
                }
                last = e;
                log.debug("Event {} of integration {} lost a race (attempt {}): {}", LogSafe.text(event.dedupKey()),
                        integration.id(), attempt, LogSafe.text(e));
                pause(attempt);
            }
        }
        throw new BusyException(last);
    }

    static int writerOf(String dedupKey) {
        return Math.floorMod(Objects.hashCode(dedupKey), WRITERS);
    }

    private Outcome apply(Integration integration, MonitoringEvent event) {
        if (event.idempotencyKey() != null) {
            List<String> previous = jdbc.query("select coalesce(incident_id, '') from ingest_event"
                            + " where integration_id = ? and idempotency_key = ?", (rs, row) -> rs.getString(1),
                    integration.id(), event.idempotencyKey());
            if (!previous.isEmpty()) {
                String incidentId = previous.get(0).isEmpty() ? null : previous.get(0);
                return record(integration, event, Result.DUPLICATE, incidentId);
            }
        }
        return switch (event.action()) {
            case TRIGGER -> trigger(integration, event);
            case ACKNOWLEDGE -> acknowledge(integration, event);
            case RESOLVE -> resolve(integration, event);
        };
    }

    private Outcome trigger(Integration integration, MonitoringEvent event) {
        OpenAlert open = openAlert(integration, event).orElse(null);
        if (open != null && open.opening()) {
            if (opensLater(event)) {
                // Queued behind its first trigger: the opener links it to the incident it opens, or, if this commits
                // after the opener's link, the next sweep (linkLateRepeats).
                return record(integration, event, Result.APPENDED, null);
            }
            throw new ConcurrencyFailureException("open alert " + event.dedupKey() + " is being opened");
        }
        if (open != null && !open.closed()) {
            noteIfNew(integration, event, open);
            return record(integration, event, Result.APPENDED, open.incidentId());
        }
        if (open != null) {
            // Closed by people while monitoring never resolved it: the alert starts over.
            jdbc.update("delete from open_alert where integration_id = ? and dedup_key = ? and incident_id = ?",
                    integration.id(), event.dedupKey(), open.incidentId());
        }
        // The dedup constraint: a concurrent first trigger of the same key fails here and is retried.
        jdbc.update("insert into open_alert (integration_id, dedup_key, opened_at) values (?, ?, ?)",
                integration.id(), event.dedupKey(), IntegrationRepository.offset(EngineClock.now()));
        if (opensLater(event)) {
            Outcome outcome = record(integration, event, Result.OPENED, null);
            events.publishEvent(new AlertQueued(integration.id(), event.dedupKey()));
            return outcome;
        }
        return record(integration, event, Result.OPENED, openIncident(integration, event).getId());
    }

    /**
     * Opens the incident of an alert whose first trigger was stored without one, with the events that came
     * since, in one transaction. Nothing to do when the alert has its incident already (another node or thread
     * opened it) or is gone.
     *
     * @return whether this call opened it
     */
    public boolean openQueued(long integrationId, String dedupKey) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            // The row lock makes a second opener (a sweep on another node) wait, then find the incident there.
            List<String> waiting = jdbc.query("select dedup_key from open_alert where integration_id = ? and dedup_key = ?"
                    + " and incident_id is null for update", (rs, row) -> rs.getString(1), integrationId, dedupKey);
            if (waiting.isEmpty()) {
                return false;
            }
            List<QueuedTrigger> first = jdbc.query("select id, payload from ingest_event where integration_id = ?"
                            + " and dedup_key = ? and outcome = 'OPENED' and incident_id is null order by id desc",
                    (rs, row) -> new QueuedTrigger(rs.getLong(1), rs.getString(2)), integrationId, dedupKey);
            if (first.isEmpty()) {
                throw new IllegalStateException("open alert " + dedupKey + " of integration " + integrationId
                        + " waits for its incident, but its first trigger is not stored");
            }
            Integration integration = integrations.find(integrationId).orElseThrow();
            MonitoringEvent event = pagerDuty.reparse(first.get(0).payload(), dedupKey);
            Incident incident = openIncident(integration, event);
            jdbc.update("update ingest_event set incident_id = ? where integration_id = ? and dedup_key = ?"
                    + " and incident_id is null and id >= ?", incident.getId(), integrationId, dedupKey, first.get(0).id());
            return true;
        }));
    }

    /**
     * Links the repeats that were stored while their alert's incident was being opened but committed only after the
     * opener linked the others (the opener cannot see a transaction that is still open): each gets the incident of
     * its alert once that has one. Repeats of alerts still being opened are left to their opener.
     *
     * @return how many were linked
     */
    public int linkLateRepeats() {
        int linked = 0;
        for (AlertQueued alert : jdbc.query("select distinct integration_id, dedup_key from ingest_event"
                + " where incident_id is null and outcome = 'APPENDED'", (rs, row) -> new AlertQueued(rs.getLong(1), rs.getString(2)))) {
            String incidentId = incidentOf(alert);
            if (incidentId != null) {
                linked += jdbc.update("update ingest_event set incident_id = ? where integration_id = ? and dedup_key = ?"
                        + " and incident_id is null and outcome = 'APPENDED'", incidentId, alert.integrationId(), alert.dedupKey());
            }
        }
        return linked;
    }

    /** The incident of the alert while it is open, else of the trigger that opened it last. */
    private String incidentOf(AlertQueued alert) {
        List<String> open = jdbc.query("select incident_id from open_alert where integration_id = ? and dedup_key = ?",
                (rs, row) -> rs.getString(1), alert.integrationId(), alert.dedupKey());
        if (!open.isEmpty()) {
            return open.get(0);
        }
        return jdbc.query("select incident_id from ingest_event where integration_id = ? and dedup_key = ?"
                        + " and outcome = 'OPENED' order by id desc fetch first 1 rows only", (rs, row) -> rs.getString(1),
                alert.integrationId(), alert.dedupKey()).stream().findFirst().orElse(null);
    }

    /** Alerts whose incident has waited longer than {@code age} to be opened, oldest first. */
    public List<AlertQueued> waitingLongerThan(Duration age, int max) {
        return jdbc.query("select integration_id, dedup_key from open_alert where opened_at < ? and incident_id is null"
                        + " order by opened_at", (rs, row) -> new AlertQueued(rs.getLong(1), rs.getString(2)),
                IntegrationRepository.offset(EngineClock.now().minus(age))).stream().limit(max).toList();
    }

    private Incident openIncident(Integration integration, MonitoringEvent event) {
        SeverityMapping.Mapped mapped = mapping.map(event, integration.serviceId());
        NewIncident details = new NewIncident(
                clip(event.summary() == null ? "Alert " + event.dedupKey() : event.summary(), 200),
                clip((event.details() == null ? "" : event.details() + "\n\n") + "Integration '" + integration.name()
                        + "', dedup key " + event.dedupKey() + "; " + mapped.explanation(), 4000),
                clip(event.caller(), 200), false, mapped.service().getId(), mapped.category(), mapped.impact(),
                mapped.urgency());
        boolean critical = "critical".equals(mapped.severity())
                && mapped.service().getCriticality() == Criticality.MISSION_CRITICAL;
        Incident incident = critical ? process.logCriticalEvent(details, source(event)) : process.log(details, source(event));
        entityManager.flush();
        jdbc.update("update open_alert set incident_id = ?, noted_sha256 = ? where integration_id = ? and dedup_key = ?",
                incident.getId(), contentHash(event), integration.id(), event.dedupKey());
        incidents.note(incident.getId(), TimelineEventType.MONITORING_EVENT, describe(integration, event, "opened this incident; "
                + mapped.explanation()));
        return incident;
    }

    /**
     * A repeat of what the timeline already says about the alert is only counted (its event row); a trigger that
     * says something new (Alertmanager: other alerts firing in the group, PagerDuty: another summary) is noted.
     */
    private void noteIfNew(Integration integration, MonitoringEvent event, OpenAlert open) {
        String hash = contentHash(event);
        if (hash.equals(open.notedSha256())) {
            return;
        }
        jdbc.update("update open_alert set noted_sha256 = ? where integration_id = ? and dedup_key = ?",
                hash, integration.id(), event.dedupKey());
        incidents.note(open.incidentId(), TimelineEventType.MONITORING_EVENT, describe(integration, event,
                "still firing, with news (" + eventsOf(integration, event) + " events of this alert so far)"));
    }

    /**
     * PagerDuty's Events API is a queue by contract ("enqueue", 202): a trigger is answered once it is stored and
     * its incident is opened right after. Alertmanager's answer names the incident, so it opens it first.
     */
    private static boolean opensLater(MonitoringEvent event) {
        return PagerDutyParser.FORMAT.equals(event.format());
    }

    private static boolean queued(MonitoringEvent event) {
        return opensLater(event) && event.action() == MonitoringEvent.Action.TRIGGER;
    }

    private Outcome acknowledge(Integration integration, MonitoringEvent event) {
        String open = incidentOfOpenAlert(integration, event);
        if (open == null) {
            return record(integration, event, Result.DROPPED, null);
        }
        jdbc.update("update open_alert set acknowledged_at = ? where integration_id = ? and dedup_key = ?"
                        + " and acknowledged_at is null",
                IntegrationRepository.offset(EngineClock.now()), integration.id(), event.dedupKey());
        incidents.note(open, TimelineEventType.MONITORING_ACKNOWLEDGED, describe(integration, event, "acknowledged"));
        return record(integration, event, Result.ACKNOWLEDGED, open);
    }

    private Outcome resolve(Integration integration, MonitoringEvent event) {
        String open = incidentOfOpenAlert(integration, event);
        if (open == null) {
            return record(integration, event, Result.DROPPED, null);
        }
        String report = describe(integration, event, "monitoring reports recovery after " + eventsOf(integration, event)
                + " events of this alert; a person confirms that service is restored");
        int deleted = jdbc.update("delete from open_alert where integration_id = ? and dedup_key = ? and incident_id = ?",
                integration.id(), event.dedupKey(), open);
        if (deleted != 1) {
            throw new ConcurrencyFailureException("open alert " + event.dedupKey() + " changed concurrently");
        }
        incidents.note(open, TimelineEventType.MONITORING_RECOVERED, report);
        events.publishEvent(new MonitoringRecoveryReported(open, report));
        return record(integration, event, Result.RECOVERED, open);
    }

    /** The incident of the open alert with the event's dedup key, or null. */
    private String incidentOfOpenAlert(Integration integration, MonitoringEvent event) {
        OpenAlert open = openAlert(integration, event).orElse(null);
        if (open == null) {
            return null;
        }
        if (open.opening()) {
            // Its incident is being opened (answered triggers of PagerDuty, or an opening transaction running).
            throw new ConcurrencyFailureException("open alert " + event.dedupKey() + " is being opened");
        }
        return open.incidentId();
    }

    private Optional<OpenAlert> openAlert(Integration integration, MonitoringEvent event) {
        return jdbc.query("select a.incident_id, i.state, a.noted_sha256 from open_alert a"
                        + " left join incident i on i.id = a.incident_id where a.integration_id = ? and a.dedup_key = ?",
                (rs, row) -> new OpenAlert(rs.getString(1), rs.getString(2), rs.getString(3)),
                integration.id(), event.dedupKey()).stream().findFirst();
    }

    private int eventsOf(Integration integration, MonitoringEvent event) {
        return jdbc.queryForObject("select count(*) from ingest_event e join open_alert a on a.integration_id ="
                + " e.integration_id and a.dedup_key = e.dedup_key where e.integration_id = ? and e.dedup_key = ?"
                + " and e.received_at >= a.opened_at", Integer.class, integration.id(), event.dedupKey()) + 1;
    }

    private static String contentHash(MonitoringEvent event) {
        return IntegrationKeys.sha256(event.severity() + "\n" + event.summary() + "\n" + event.details());
    }

    private Outcome record(Integration integration, MonitoringEvent event, Result result, String incidentId) {
        boolean idempotent = result != Result.DUPLICATE;
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var statement = con.prepareStatement("insert into ingest_event (integration_id, received_at, format, action,"
                    + " dedup_key, idempotency_key, outcome, incident_id, summary, payload)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setLong(1, integration.id());
            statement.setObject(2, IntegrationRepository.offset(EngineClock.now()));
            statement.setString(3, event.format());
            statement.setString(4, event.action().code());
            statement.setString(5, event.dedupKey());
            statement.setString(6, idempotent ? event.idempotencyKey() : null);
            statement.setString(7, result.name());
            statement.setString(8, incidentId);
            statement.setString(9, event.summary() == null ? null : clip(event.summary(), 1024));
            statement.setString(10, event.payload());
            return statement;
        }, keys);
        return new Outcome(result, incidentId, event.dedupKey(), keys.getKey().longValue());
    }

    private static String describe(Integration integration, MonitoringEvent event, String what) {
        String head = (AlertmanagerParser.FORMAT.equals(event.format()) ? "Alertmanager" : "PagerDuty") + " "
                + event.action().code() + " via integration '" + integration.name() + "' (dedup key "
                + event.dedupKey() + "): " + what;
        StringBuilder text = new StringBuilder(head);
        if (event.summary() != null) {
            text.append("\n").append(event.summary());
        }
        if (event.details() != null) {
            text.append("\n").append(event.details());
        }
        return text.toString();
    }

    private static IncidentSource source(MonitoringEvent event) {
        return AlertmanagerParser.FORMAT.equals(event.format()) ? IncidentSource.ALERTMANAGER : IncidentSource.PAGERDUTY;
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    /** Lost a race with a concurrent transaction (duplicate key, lock timeout, deadlock, serialization). */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException || t instanceof ConcurrencyFailureException
                    || t instanceof TransientDataAccessException || t instanceof OptimisticLockingException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                if (state != null && (state.startsWith("23") || state.startsWith("40") || state.equals("55P03")
                        || state.equals("HYT00"))) {
                    return true;
                }
                if (code == 90131 || code == 50200 || code == 40001) { // H2: concurrent update, lock timeout, deadlock
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(20L * attempt, 250L) + ThreadLocalRandom.current().nextLong(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException(e);
        }
    }
}
