package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Events with their raw payloads are deleted once older than the retention (30 days by default). */
@IncidentFlowTest
class PayloadPrunerTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired PayloadPruner pruner;
    @Autowired IngestProperties properties;
    IngestClient client;
    Key key;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
        key = client.integration("erp");
    }

    private List<Long> send(int count) {
        String suffix = IngestClient.unique();
        for (int i = 0; i < count; i++) {
            assertThat(client.pagerduty(IngestClient.fixture("pagerduty-trigger.json",
                    Map.of("routing_key", key.key(), "suffix", suffix + i))).getStatusCode().value()).isEqualTo(202);
        }
        return jdbc.queryForList("select id from ingest_event where integration_id = ? order by id", Long.class, key.id())
                .subList(0, count);
    }

    private void receivedAt(List<Long> ids, Instant when) {
        ids.forEach(id -> jdbc.update("update ingest_event set received_at = ? where id = ?",
                IntegrationRepository.offset(when), id));
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedInBatchesTheRestIsKept() {
        assertThat(properties.payloadRetention()).isEqualTo(Duration.ofDays(30));
        Instant now = EngineClock.now();
        List<Long> ids = send(6);
        receivedAt(ids.subList(0, 5), now.minus(Duration.ofDays(30)).minusSeconds(1));
        receivedAt(ids.subList(5, 6), now.minus(Duration.ofDays(30)).plusSeconds(60));
        List<String> opened = client.incidentsOf(key);

        int deleted = pruner.prune(now, 2);

        assertThat(deleted).as("five old events in batches of two").isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("select id from ingest_event where integration_id = ?", Long.class, key.id()))
                .containsExactly(ids.get(5));
        assertThat(opened).hasSize(6).allSatisfy(id -> assertThat(client.timeline(id, "MONITORING_EVENT"))
                .as("what the event did stays on the timeline").hasSize(1));
    }

    @Test
    void aRunWithNothingToPruneDeletesNothing() {
        List<Long> ids = send(1);
        Instant now = EngineClock.now();

        pruner.prune(now, 1000);
        assertThat(pruner.prune(now, 1000)).isZero();

        assertThat(jdbc.queryForList("select id from ingest_event where integration_id = ?", Long.class, key.id()))
                .containsExactlyElementsOf(ids);
    }
}
