package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.EmbeddedPostgresCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dedup constraint on PostgreSQL with two application nodes on one database (as
 * docker/compose.cluster.yaml runs them): 50 simultaneous events with one key, spread over both
 * nodes, open one incident. (On PostgreSQL the loser's insert waits for the winner's commit, then
 * fails on the key; on H2 it may also time out on the lock: both are retried and appended.)
 */
class IngestPostgresClusterTest {

    private static final int THREADS = 50;
    private static EmbeddedPostgresCluster cluster;
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedPostgresCluster.start("ingest");
        node1 = startNode(1);
        node2 = startNode(2);
    }

    @AfterAll
    static void stop() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ConfigurableApplicationContext startNode(int node) {
        return cluster.startNode("ingestpg" + node, "--DATABASE_POOL_SIZE=15", "--JOB_EXECUTION_ENABLED=false");
    }

    private static int port(ConfigurableApplicationContext node) {
        return EmbeddedPostgresCluster.port(node);
    }

    private static String newKey(String serviceId) {
        String key = IntegrationKeys.generate();
        node1.getBean(JdbcTemplate.class).update("insert into ingest_integration (name, service_id, key_sha256,"
                        + " key_hint, created_by, created_at) values (?, ?, ?, ?, 'test', ?)", "pg " + key, serviceId,
                IntegrationKeys.sha256(key), IntegrationKeys.hint(key), IntegrationRepository.offset(EngineClock.now()));
        return key;
    }

    private static List<String> incidentsOf(String key) {
        return node1.getBean(JdbcTemplate.class).queryForList("select distinct e.incident_id from ingest_event e"
                + " join ingest_integration i on i.id = e.integration_id where i.key_sha256 = ?"
                + " and e.incident_id is not null order by e.incident_id", String.class, IntegrationKeys.sha256(key));
    }

    /** PagerDuty triggers are answered before their incident is opened: waits for the incidents to be there. */
    private static List<String> incidentsOpenedFor(String key, int count) {
        await("incidents of the answered triggers").atMost(Duration.ofSeconds(60)).until(() -> incidentsOf(key).size() >= count);
        List<String> opened = incidentsOf(key);
        assertThat(opened).hasSize(count);
        return opened;
    }

    @Test
    void fiftySimultaneousTriggersOnTwoNodesOpenOneIncident_resolveAndTriggerOpenTheNext() throws Exception {
        String key = newKey("erp");
        String trigger = IngestClient.fixture("pagerduty-trigger.json", Map.of("routing_key", key, "suffix", "pg"));

        List<HttpResponse<String>> answers = all(i -> post(i % 2 == 0 ? node1 : node2, "/api/events/v2/enqueue", null, trigger));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(202));
        List<String> opened = incidentsOpenedFor(key, 1);
        // the node that stored the first trigger opened the incident; the repeats of either node belong to it, those
        // that committed after its opener linked the others once the next sweep linked them (every 5 s)
        JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
        Integer linked = await("every repeat linked to the incident").atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .queryForObject("select count(*) from ingest_event where incident_id = ?", Integer.class, opened.get(0)),
                count -> count >= THREADS);
        assertThat(linked).isEqualTo(THREADS);
        IncidentService incidents = node1.getBean(IncidentService.class);
        assertThat(incidents.timeline(opened.get(0)).stream().filter(e -> e.getType().equals("MONITORING_EVENT")))
                .hasSize(1);

        String resolve = IngestClient.fixture("pagerduty-resolve.json", Map.of("routing_key", key, "suffix", "pg"));
        assertThat(post(node2, "/api/events/v2/enqueue", null, resolve).statusCode()).isEqualTo(202);
        assertThat(post(node1, "/api/events/v2/enqueue", null, trigger).statusCode()).isEqualTo(202);
        assertThat(incidentsOpenedFor(key, 2)).contains(opened.get(0));
    }

    @Test
    void fiftySimultaneousDeliveriesOfOneAlertmanagerPayloadOnTwoNodesHaveOneEffect() throws Exception {
        String key = newKey("email");
        String firing = IngestClient.fixture("alertmanager-firing.json");

        List<HttpResponse<String>> answers = all(i -> post(i % 2 == 0 ? node1 : node2, "/api/events/alertmanager",
                "Bearer " + key, firing));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> a.body().contains("\"status\":\"success\""))).hasSize(1);
        List<String> opened = incidentsOf(key);
        assertThat(opened).hasSize(1);
        assertThat(node1.getBean(IncidentService.class).timeline(opened.get(0)).stream()
                .filter(e -> e.getType().equals("MONITORING_EVENT"))).hasSize(1);
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<HttpResponse<String>> all(IntFunction<HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(180, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
