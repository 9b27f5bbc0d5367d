package io.incidentflow.metrics;

import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentRecorded;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.SlaClock;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.delivery.DeliveryAttempted;
import io.incidentflow.notify.page.PageRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The Prometheus meters that describe incidents (README "Metrics"). Counters move when the timeline,
 * the page service, the deliveries or the event endpoints record something, and only after that was
 * committed; the gauges come from the database and the engine, refreshed on a schedule so a scrape
 * never queries. Tags are few-valued only (priority, tier, catalog service, clock, channel, format,
 * outcome): never an incident id or free text, since each tag value is a time series to keep.
 */
@Component
public class IncidentMetrics {

    private static final Logger log = LoggerFactory.getLogger(IncidentMetrics.class);

    /** Incidents whose service is not restored yet (resolved and closed ones are not open). */
    private static final String OPEN_BY_KIND = "select coalesce(priority, 'none'), tier, service_id, count(*)"
            + " from incident where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') group by priority, tier, service_id";

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final Timer.Builder timeToRestore = Timer.builder("incidentflow.time.to.restore")
            .description("From logged to service restored, per restoration (recorded times)")
            .serviceLevelObjectives(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
                    Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
                    Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    private final Timer.Builder timeToAcknowledge = Timer.builder("incidentflow.time.to.acknowledge")
            .description("From logged to the first acknowledgement of a page for the incident (recorded times)")
            .serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
                    Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                    Duration.ofHours(4), Duration.ofDays(1));
    /** The incident's acknowledgements so far and the first one's time: only the first one is measured. */
    private static final String ACKNOWLEDGEMENTS = "select count(*), min(occurred_at) from incident_event"
            + " where incident_id = ? and type = 'PAGE_ACKNOWLEDGED'";
    private final Timer.Builder ingestDuration = Timer.builder("incidentflow.ingest.duration")
            .description("Handling time of a monitoring event request, whatever its outcome")
            .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                    Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final MultiGauge openIncidents;
    private final AtomicLong dueJobs = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();
    private final AtomicLong waitingAlerts = new AtomicLong();
    private final AtomicLong oldestWaitingAlertSeconds = new AtomicLong();

    public IncidentMetrics(MeterRegistry registry, JdbcTemplate jdbc, ManagementService management) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.management = management;
        openIncidents = MultiGauge.builder("incidentflow.incidents.open")
                .description("Incidents not yet restored (new, in progress, on hold)").register(registry);
        registry.gauge("incidentflow.jobs.due", Tags.empty(), dueJobs);
        registry.gauge("incidentflow.jobs.failed", Tags.empty(), failedJobs);
        Gauge.builder("incidentflow.ingest.alerts.waiting", waitingAlerts, AtomicLong::get)
                .description("Answered PagerDuty alerts whose incident is not opened yet").register(registry);
        Gauge.builder("incidentflow.ingest.alerts.waiting.oldest", oldestWaitingAlertSeconds, AtomicLong::get)
                .description("How long the oldest of them has waited").baseUnit("seconds").register(registry);
        // Meters that have not moved yet are there from the start, so a dashboard shows 0, not "no data".
        for (Channel channel : Channel.values()) {
            for (String outcome : List.of("delivered", "failed")) {
                notificationCounter(channel, outcome);
            }
        }
        for (String page : List.of("sent", "escalated", "acknowledged", "unacknowledged")) {
            pageCounter(page);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onIncident(IncidentRecorded event) {
        Tags kind = Tags.of("priority", priority(event.priority()), "tier", tag(event.tier()),
                "service", event.serviceId());
        switch (event.type()) {
            case PRIORITIZED -> counter("incidentflow.incidents.opened", "Incidents opened (counted once prioritized)",
                    kind).increment();
            case RESOLVED, RESTORED -> {
                counter("incidentflow.incidents.restored", "Incidents whose service was restored", kind).increment();
                timeToRestore.tags(Tags.of("priority", priority(event.priority()))).register(registry)
                        .record(Duration.between(event.loggedAt(), event.resolvedAt()));
            }
            case PAGE_ACKNOWLEDGED -> firstAcknowledgement(event);
            case SLA_WARNING -> sla("incidentflow.sla.warnings", "SLA targets warned about", event);
            case SLA_BREACHED -> sla("incidentflow.sla.breaches", "SLA targets breached", event);
            default -> {
                // the other timeline entries are not counted
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onPage(PageRecorded event) {
        switch (event.type()) {
            case PAGED -> {
                pageCounter("sent").increment();
                if (event.escalation()) {
                    pageCounter("escalated").increment();
                }
            }
            case PAGE_ACKNOWLEDGED -> pageCounter("acknowledged").increment();
            case PAGE_UNACKNOWLEDGED -> pageCounter("unacknowledged").increment();
            default -> {
                // a kind of page entry without a meter yet
            }
        }
    }

    /** Counted as it happens, not after commit: a failed delivery is thrown on and rolls its transaction back. */
    @EventListener
    public void onDeliveryAttempt(DeliveryAttempted attempt) {
        notificationCounter(attempt.channel(), attempt.delivered() ? "delivered" : "failed").increment();
    }

    /** A request to a monitoring event endpoint was answered. */
    void ingested(String format, String outcome, long nanos) {
        counter("incidentflow.monitoring.events", "Monitoring event requests by outcome",
                Tags.of("format", format, "outcome", outcome)).increment();
        ingestDuration.tags(Tags.of("format", format)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One grouped count and two job counts, so that scrapes stay free of queries. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${incidentflow.metrics.gauge-refresh}")
    public void refreshGauges() {
        try {
            openIncidents.register(jdbc.query(OPEN_BY_KIND, (rs, row) -> MultiGauge.Row.of(
                    Tags.of("priority", rs.getString(1), "tier", rs.getString(2).toLowerCase(Locale.ROOT),
                            "service", rs.getString(3)), rs.getLong(4))), true);
            dueJobs.set(management.createJobQuery().executable().active().count());
            failedJobs.set(management.createJobQuery().noRetriesLeft().count());
            jdbc.query("select count(*), min(opened_at) from open_alert where incident_id is null", rs -> {
                waitingAlerts.set(rs.getLong(1));
                OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                oldestWaitingAlertSeconds.set(oldest == null ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), EngineClock.now()).toSeconds()));
            });
        } catch (RuntimeException e) {
            // the gauges keep their last values; the next refresh tries again
            log.warn("Could not refresh the incident and job gauges: {}", e.toString());
        }
    }

    /** Time to acknowledge, once per incident: the line just committed is the incident's only acknowledgement. */
    private void firstAcknowledgement(IncidentRecorded event) {
        jdbc.query(ACKNOWLEDGEMENTS, rs -> {
            if (rs.getLong(1) == 1) {
                timeToAcknowledge.tags(Tags.of("priority", priority(event.priority()))).register(registry)
                        .record(Duration.between(event.loggedAt(), rs.getTimestamp(2).toInstant()));
            }
        }, event.incidentId());
    }

    private void sla(String name, String description, IncidentRecorded event) {
        counter(name, description, Tags.of("clock", tag(event.clock()), "priority", priority(event.priority())))
                .increment();
    }

    private Counter pageCounter(String what) {
        return counter("incidentflow.pages." + what, "Pages " + what, Tags.empty());
    }

    private Counter notificationCounter(Channel channel, String outcome) {
        return counter("incidentflow.notifications", "Notification deliveries by channel and outcome",
                Tags.of("channel", channel.code(), "outcome", outcome));
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static String priority(Priority priority) {
        return priority == null ? "none" : priority.name();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
