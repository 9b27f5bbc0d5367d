package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import io.incidentflow.metrics.IncidentMetrics;
import io.incidentflow.metrics.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each outcome of the two event endpoints is counted by format and timed, as GET /actuator/prometheus shows. */
@IncidentFlowTest
class IngestMetricsTest {

    static final String FIRING = IngestClient.fixture("alertmanager-firing.json");
    static final String FIRING_TWO = IngestClient.fixture("alertmanager-firing-two-alerts.json");
    static final String EVENTS = "incidentflow_monitoring_events_total";
    static final String TIMED = "incidentflow_ingest_duration_seconds_count";

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired IncidentMetrics metrics;

    @Test
    void everyOutcomeIsCountedByFormatAndTimed() {
        IngestClient client = new IngestClient(http, jdbc, incidents);
        Key key = client.integration("erp");
        Key limited = client.integration("erp");
        client.limit(limited, 1);
        PrometheusScrape before = PrometheusScrape.of(http);

        assertThat(client.alertmanager(key, FIRING).getStatusCode().value()).isEqualTo(200);
        assertThat(client.alertmanager(key, FIRING).getStatusCode().value()).isEqualTo(200);
        assertThat(client.alertmanager(key, FIRING_TWO).getStatusCode().value()).isEqualTo(200);
        assertThat(client.alertmanager((String) null, FIRING).getStatusCode().value()).isEqualTo(401);
        assertThat(client.alertmanager(key, "{\"version\": \"4\"").getStatusCode().value()).isEqualTo(400);
        assertThat(client.alertmanager(limited, FIRING).getStatusCode().value()).isEqualTo(200);
        assertThat(client.alertmanager(limited, FIRING).getStatusCode().value()).isEqualTo(429);
        assertThat(client.pagerduty(IngestClient.fixture("pagerduty-trigger.json", Map.of("routing_key", key.key(),
                "suffix", IngestClient.unique()))).getStatusCode().value()).isEqualTo(202);

        PrometheusScrape after = PrometheusScrape.of(http);
        assertThat(after.since(before, EVENTS, "format", "alertmanager", "outcome", "opened")).isEqualTo(2);
        assertThat(after.since(before, EVENTS, "format", "alertmanager", "outcome", "duplicate")).isEqualTo(1);
        assertThat(after.since(before, EVENTS, "format", "alertmanager", "outcome", "appended")).isEqualTo(1);
        assertThat(after.since(before, EVENTS, "format", "alertmanager", "outcome", "unauthorized")).isEqualTo(1);
        assertThat(after.since(before, EVENTS, "format", "alertmanager", "outcome", "rejected")).isEqualTo(1);
        assertThat(after.since(before, EVENTS, "format", "alertmanager", "outcome", "rate_limited")).isEqualTo(1);
        assertThat(after.since(before, EVENTS, "format", "pagerduty", "outcome", "opened")).isEqualTo(1);
        assertThat(after.since(before, TIMED, "format", "alertmanager")).isEqualTo(7);
        assertThat(after.since(before, TIMED, "format", "pagerduty")).isEqualTo(1);
        assertThat(after.has("incidentflow_ingest_duration_seconds_bucket", "format", "alertmanager", "le", "0.1"))
                .isTrue();
    }

    @Test
    void alertsWaitingForTheirIncidentAreAGauge() {
        Key key = new IngestClient(http, jdbc, incidents).integration("erp");
        // an alert answered two minutes ago whose incident is not open: what a node that died leaves
        jdbc.update("insert into open_alert (integration_id, dedup_key, opened_at) values (?, 'waiting', ?)", key.id(),
                IntegrationRepository.offset(EngineClock.now().minus(Duration.ofMinutes(2))));

        metrics.refreshGauges();
        PrometheusScrape waiting = PrometheusScrape.of(http);
        assertThat(waiting.value("incidentflow_ingest_alerts_waiting")).isGreaterThanOrEqualTo(1);
        assertThat(waiting.value("incidentflow_ingest_alerts_waiting_oldest_seconds")).isGreaterThanOrEqualTo(120);

        jdbc.update("delete from open_alert where integration_id = ?", key.id());
        metrics.refreshGauges();
        assertThat(PrometheusScrape.of(http).value("incidentflow_ingest_alerts_waiting")).isZero();
    }
}
