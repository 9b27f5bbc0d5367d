package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 50 monitoring requests with the same key at the same moment: the dedup constraint leaves one incident. Over several
 * keys, stored by both writers of PagerDuty triggers at once: one incident per key.
 */
@IncidentFlowTest
class ConcurrentIngestTest {

    static final int THREADS = 50;

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    IngestClient client;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
    }

    @Test
    void fiftyConcurrentPagerDutyTriggersWithOneDedupKeyOpenOneIncident() throws Exception {
        Key key = client.integration("erp");
        String body = IngestClient.fixture("pagerduty-trigger.json",
                Map.of("routing_key", key.key(), "suffix", IngestClient.unique()));

        List<ResponseEntity<JsonNode>> answers = all(() -> client.pagerduty(body));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(202));
        List<String> opened = client.incidentsOf(key);
        assertThat(opened).hasSize(1);
        assertThat(client.count("select count(*) from incident where id = ?", opened.get(0))).isEqualTo(1);
        assertThat(client.count("select count(*) from ingest_event where integration_id = ? and outcome = 'OPENED'",
                key.id())).isEqualTo(1);
        assertThat(client.count("select count(*) from ingest_event where integration_id = ? and outcome = 'APPENDED'",
                key.id())).isEqualTo(THREADS - 1);
        // every accepted event belongs to the incident; the identical repeats are counted, not put on the timeline
        assertThat(client.count("select count(*) from ingest_event where incident_id = ?", opened.get(0))).isEqualTo(THREADS);
        assertThat(client.timeline(opened.get(0), "MONITORING_EVENT")).hasSize(1);
        assertThat(client.count("select count(*) from open_alert where integration_id = ?", key.id())).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentPagerDutyTriggersOverTenDedupKeysOnBothWritersOpenOneIncidentPerKey() throws Exception {
        Key key = client.integration("erp");
        List<String> dedupKeys = dedupKeysOnEachWriter(5);
        AtomicInteger sent = new AtomicInteger();

        List<ResponseEntity<JsonNode>> answers = all(() -> client.pagerduty(IngestClient.fixture("pagerduty-trigger.json",
                Map.of("routing_key", key.key(),
                        "suffix", dedupKeys.get(sent.getAndIncrement() % dedupKeys.size()).substring("erp-batch-".length())))));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(202));
        assertThat(client.incidentsOf(key)).hasSize(dedupKeys.size());
        for (String dedupKey : dedupKeys) {
            assertThat(client.count("select count(distinct incident_id) from ingest_event where integration_id = ?"
                    + " and dedup_key = ?", key.id(), dedupKey)).as(dedupKey).isEqualTo(1);
            assertThat(client.count("select count(*) from ingest_event where integration_id = ? and dedup_key = ?"
                    + " and incident_id is not null", key.id(), dedupKey)).as(dedupKey).isEqualTo(THREADS / dedupKeys.size());
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("ingest-group-commit-0", "ingest-group-commit-1");
    }

    /** Dedup keys of the fixture, as many for each writer of PagerDuty triggers. */
    private static List<String> dedupKeysOnEachWriter(int each) {
        List<List<String>> byWriter = new ArrayList<>();
        for (int i = 0; i < IngestionService.WRITERS; i++) {
            byWriter.add(new ArrayList<>());
        }
        while (byWriter.stream().anyMatch(keys -> keys.size() < each)) {
            String dedupKey = "erp-batch-" + IngestClient.unique();
            List<String> keys = byWriter.get(IngestionService.writerOf(dedupKey));
            if (keys.size() < each) {
                keys.add(dedupKey);
            }
        }
        return byWriter.stream().flatMap(List::stream).toList();
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneAlertmanagerPayloadHaveOneEffect() throws Exception {
        Key key = client.integration("email");
        String body = IngestClient.fixture("alertmanager-firing.json");

        List<ResponseEntity<JsonNode>> answers = all(() -> client.alertmanager(key, body));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> a.getBody().get("status").asText().equals("success"))).hasSize(1);
        List<String> opened = client.incidentsOf(key);
        assertThat(opened).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.getBody().get("incidentId").asText()).isEqualTo(opened.get(0)));
        assertThat(client.timeline(opened.get(0), "MONITORING_EVENT")).hasSize(1);
    }

    @Test
    void fiftyConcurrentDifferentAlertmanagerNotificationsOfOneGroupOpenOneIncident() throws Exception {
        Key key = client.integration("intranet");
        String template = IngestClient.fixture("alertmanager-firing.json");
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

        List<ResponseEntity<JsonNode>> answers = all(() -> client.alertmanager(key,
                template.replace("c6eadffa33fcdf37", "fp-" + n.incrementAndGet())));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(200));
        List<String> opened = client.incidentsOf(key);
        assertThat(opened).hasSize(1);
        assertThat(client.count("select count(*) from ingest_event where incident_id = ?", opened.get(0))).isEqualTo(THREADS);
        // the fingerprints differ, what a person reads does not: one timeline entry
        assertThat(client.timeline(opened.get(0), "MONITORING_EVENT")).hasSize(1);
    }

    private static List<ResponseEntity<JsonNode>> all(Supplier<ResponseEntity<JsonNode>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.get();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
