package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A key over its rate limit gets 429 with Retry-After, like PagerDuty's Events API, and its event is not
 * stored; once the limit refills it is accepted again. Each key gets a limit of 2 events per minute.
 */
@IncidentFlowTest
class IngestRateLimitTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.systemTimeUntilSet();

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    IngestClient client;
    Key key;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
        key = client.integration("erp");
        client.limit(key, 2);
    }


    private String pagerduty(String dedupKey) {
        return IngestClient.fixture("pagerduty-trigger.json", Map.of("routing_key", key.key(), "suffix", dedupKey));
    }

    private String alertmanager(String groupKey) {
        return IngestClient.fixture("alertmanager-firing.json").replace("{}/{team=\\\"payments\\\"}", groupKey);
    }

    private static long retryAfter(ResponseEntity<JsonNode> answer) {
        return Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    private void waitSeconds(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void pagerDutyEventOverTheLimitIs429AndNotStored() {
        assertThat(client.pagerduty(pagerduty("a")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.pagerduty(pagerduty("b")).getStatusCode().value()).isEqualTo(202);

        ResponseEntity<JsonNode> throttled = client.pagerduty(pagerduty("c"));

        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(retryAfter(throttled)).isBetween(1L, 30L);
        assertThat(throttled.getBody().get("status").asText()).isEqualTo("throttled");
        assertThat(throttled.getBody().get("errors").get(0).asText()).contains("2 events per minute");
        assertThat(client.events(key)).isEqualTo(2);
        assertThat(client.count("select count(*) from open_alert where integration_id = ? and dedup_key = ?",
                key.id(), "erp-batch-c")).isZero();

        waitSeconds(retryAfter(throttled));
        assertThat(client.pagerduty(pagerduty("c")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.events(key)).isEqualTo(3);
        assertThat(client.pagerduty(pagerduty("d")).getStatusCode().value()).as("one event refilled, not more")
                .isEqualTo(429);
    }

    @Test
    void alertmanagerDeliveryOverTheLimitIs429AndNotStored() {
        assertThat(client.alertmanager(key, alertmanager("g1")).getStatusCode().value()).isEqualTo(200);
        assertThat(client.alertmanager(key, alertmanager("g2")).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> throttled = client.alertmanager(key, alertmanager("g3"));

        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(retryAfter(throttled)).isBetween(1L, 30L);
        assertThat(throttled.getBody().get("message").asText()).contains("2 events per minute");
        assertThat(client.events(key)).isEqualTo(2);
        assertThat(client.incidentsOf(key)).hasSize(2);

        waitSeconds(60);
        assertThat(client.alertmanager(key, alertmanager("g3")).getStatusCode().value()).isEqualTo(200);
        assertThat(client.alertmanager(key, alertmanager("g4")).getStatusCode().value()).isEqualTo(200);
        assertThat(client.incidentsOf(key)).hasSize(4);
    }

    @Test
    void otherKeysAreNotThrottledByOne() {
        client.limit(key, 1);
        assertThat(client.pagerduty(pagerduty("x")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.pagerduty(pagerduty("y")).getStatusCode().value()).isEqualTo(429);

        Key other = client.integration("erp");
        assertThat(client.pagerduty(IngestClient.fixture("pagerduty-trigger.json",
                Map.of("routing_key", other.key(), "suffix", "y"))).getStatusCode().value()).isEqualTo(202);
    }
}
