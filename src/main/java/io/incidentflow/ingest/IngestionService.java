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
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 */
@Service
public class IngestionService {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);

    public enum Result { OPENED, APPENDED, ACKNOWLEDGED, RECOVERED, DROPPED, DUPLICATE }

    /** The request attribute where the endpoints leave the {@link Result} of an accepted event, for the metrics. */
    public static final String RESULT_ATTRIBUTE = Result.class.getName();

    /** What an event did. {@code incidentId} is null when it was dropped (no open alert to acknowledge/resolve). */
    public record Outcome(Result result, String incidentId, String dedupKey, long eventId) {
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

    public IngestionService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IncidentProcess process,
                            IncidentService incidents, SeverityMapping mapping, IngestProperties properties,
                            EntityManager entityManager, ApplicationEventPublisher events,
                            IntegrationRepository integrations) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.process = process;
        this.incidents = incidents;
        this.mapping = mapping;
        this.properties = properties;
        this.entityManager = entityManager;
        this.events = events;
        this.integrations = integrations;
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
                return transaction.execute(status -> apply(integration, event));
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
        String open = openIncident(integration, event);
        if (open != null) {
            Incident incident = incidents.get(open);
            if (incident.getState() != IncidentState.CLOSED) {
                incidents.note(open, TimelineEventType.MONITORING_EVENT, describe(integration, event, "still firing"));
                return record(integration, event, Result.APPENDED, open);
            }
            // Closed by people while monitoring never resolved it: the alert starts over.
            jdbc.update("delete from open_alert where integration_id = ? and dedup_key = ? and incident_id = ?",
                    integration.id(), event.dedupKey(), open);
        }
        Instant now = EngineClock.now();
        // The dedup constraint: a concurrent first trigger of the same key fails here and is retried.
        jdbc.update("insert into open_alert (integration_id, dedup_key, opened_at) values (?, ?, ?)",
                integration.id(), event.dedupKey(), IntegrationRepository.offset(now));
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
        jdbc.update("update open_alert set incident_id = ? where integration_id = ? and dedup_key = ?",
                incident.getId(), integration.id(), event.dedupKey());
        incidents.note(incident.getId(), TimelineEventType.MONITORING_EVENT, describe(integration, event, "opened this incident; "
                + mapped.explanation()));
        return record(integration, event, Result.OPENED, incident.getId());
    }

    private Outcome acknowledge(Integration integration, MonitoringEvent event) {
        String open = openIncident(integration, event);
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
        String open = openIncident(integration, event);
        if (open == null) {
            return record(integration, event, Result.DROPPED, null);
        }
        int deleted = jdbc.update("delete from open_alert where integration_id = ? and dedup_key = ? and incident_id = ?",
                integration.id(), event.dedupKey(), open);
        if (deleted != 1) {
            throw new ConcurrencyFailureException("open alert " + event.dedupKey() + " changed concurrently");
        }
        String report = describe(integration, event, "monitoring reports recovery; a person confirms that service is restored");
        incidents.note(open, TimelineEventType.MONITORING_RECOVERED, report);
        events.publishEvent(new MonitoringRecoveryReported(open, report));
        return record(integration, event, Result.RECOVERED, open);
    }

    /** The incident of the open alert with the event's dedup key, or null. */
    private String openIncident(Integration integration, MonitoringEvent event) {
        List<String> rows = jdbc.query("select incident_id from open_alert where integration_id = ? and dedup_key = ?",
                (rs, row) -> rs.getString(1), integration.id(), event.dedupKey());
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.get(0) == null) {
            // Only visible while the opening transaction runs (never committed without an incident).
            throw new ConcurrencyFailureException("open alert " + event.dedupKey() + " is being opened");
        }
        return rows.get(0);
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
