package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability across a crash: the application runs in a separate JVM on its default H2 file database;
 * while clients send PagerDuty events and log incidents, the JVM is killed with SIGKILL. Opened again, the same
 * files must hold every event that was answered 202 in {@code ingest_event}, with its incident, and every incident
 * answered 201 with its process; then the application starts again on them and takes events. What is checked is that no acknowledged event is lost, not how fast
 * they come: the kill waits for a few acknowledgements however slow a loaded machine is.
 */
class IngestCrashTest {

    private static final String ADMIN_PASSWORD = "crash-Admin-Secret-42";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
    private static final int CLIENTS = 4;
    /** Enough for the kill to fall among commits of several clients; time does not matter. */
    private static final int KILL_AFTER_ACKS = 30;
    private static final int KILL_AFTER_INCIDENTS = 5;
    private static final String LOGGED_TITLE = "crash test incident";
    /** A start takes about 30 s on an idle machine and took over 5 min on 2 cores shared with other builds. */
    private static final Duration START_LIMIT = Duration.ofMinutes(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyAcknowledgedEventAndLoggedIncidentSurvivesKill9() throws Exception {
        int port = freePort();
        app = start(port, "run1");
        String key = createIntegration(port);

        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // summary → dedup key
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> logged = ConcurrentHashMap.newKeySet(); // incident ids answered 201
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        clients.submit(() -> {
            String body = "{\"title\":\"" + LOGGED_TITLE + "\",\"description\":\"logged while the JVM is killed\","
                    + "\"caller\":\"jane.doe\",\"serviceId\":\"erp\",\"category\":\"software\","
                    + "\"impact\":\"low\",\"urgency\":\"low\"}";
            while (running.get()) {
                try {
                    HttpResponse<String> answer = post(port, "/api/incidents", ADMIN, body);
                    if (answer.statusCode() == 201) {
                        logged.add(json.readTree(answer.body()).get("id").asText());
                    }
                } catch (IOException e) {
                    // the server is gone: this incident was not answered
                } catch (InterruptedException e) {
                    return null;
                }
            }
            return null;
        });
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    String summary = "crash test event " + n;
                    String dedupKey = "crash-" + (n / 3); // three events per alert: opened, appended, appended
                    String body = "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"dedup_key\":\""
                            + dedupKey + "\",\"payload\":{\"summary\":\"" + summary
                            + "\",\"source\":\"crash-test\",\"severity\":\"warning\"}}";
                    try {
                        HttpResponse<String> answer = post(port, "/api/events/v2/enqueue", null, body);
                        if (answer.statusCode() == 202) {
                            acknowledged.put(summary, dedupKey);
                        }
                    } catch (IOException e) {
                        // the server is gone: this event was not acknowledged
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        await(KILL_AFTER_ACKS + " events acknowledged and " + KILL_AFTER_INCIDENTS + " incidents logged before the kill")
                .atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= KILL_AFTER_ACKS && logged.size() >= KILL_AFTER_INCIDENTS);
        app.destroyForcibly(); // SIGKILL, with requests in flight
        app.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        int alerts;
        int loggedStored;
        // read by this JVM while no application holds the files (the database opens no TCP port: no AUTO_SERVER)
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "sa", "");
             Statement statement = db.createStatement()) {
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("select summary from ingest_event")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertThat(stored).as("every event answered 202 is stored").containsAll(acknowledged.keySet());
            // An answered trigger may wait for its incident (it is opened after the answer): its alert row says so.
            try (ResultSet rows = statement.executeQuery("select count(*) from ingest_event e"
                    + " left join incident i on i.id = e.incident_id where i.id is null and not exists (select 1 from"
                    + " open_alert a where a.integration_id = e.integration_id and a.dedup_key = e.dedup_key"
                    + " and a.incident_id is null)")) {
                rows.next();
                assertThat(rows.getInt(1)).as("events neither with their incident nor waiting for it").isZero();
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from ("
                    + "select dedup_key from ingest_event where outcome = 'OPENED' group by dedup_key having count(*) > 1) d")) {
                rows.next();
                assertThat(rows.getInt(1)).as("dedup keys with two incidents").isZero();
            }
            try (ResultSet rows = statement.executeQuery("select count(distinct dedup_key) from ingest_event")) {
                rows.next();
                alerts = rows.getInt(1);
            }
            Set<String> loggedIds = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("select id from incident where title = '" + LOGGED_TITLE + "'")) {
                while (rows.next()) {
                    loggedIds.add(rows.getString(1));
                }
            }
            assertThat(loggedIds).as("every incident answered 201 is stored").containsAll(logged);
            loggedStored = loggedIds.size();
            try (ResultSet rows = statement.executeQuery("select count(*) from incident i where i.title = '"
                    + LOGGED_TITLE + "' and not exists (select 1 from act_hi_procinst p where p.business_key_ = i.id)")) {
                rows.next();
                assertThat(rows.getInt(1)).as("logged incidents without their process").isZero();
            }
        }
        // the application works after the crash, and opens the incidents that were waiting when it died
        app = start(port, "run2");
        String after = "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":"
                + "\"after the crash\",\"source\":\"crash-test\",\"severity\":\"info\"}}";
        assertThat(post(port, "/api/events/v2/enqueue", null, after).statusCode()).isEqualTo(202);
        int incidentsExpected = alerts + 1 + loggedStored;
        await("the logged incidents, and one for every alert answered before the crash and the one after")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> incidents(port) == incidentsExpected);
    }

    private int incidents(int port) throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/incidents?size=500")).header("Authorization", ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json.readTree(list.body()).size();
    }

    private String jdbcUrl() {
        // The application's default database (./data/incidentflow relative to its working directory)
        return "jdbc:h2:file:" + dir.resolve("data/incidentflow").toAbsolutePath();
    }

    private Process start(int port, String name) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath,
                "io.incidentflow.IncidentFlowApplication",
                "--server.port=" + port,
                "--incidentflow.catalog.seed=classpath:catalog/demo-services.yaml",
                "--camunda.bpm.job-execution.enabled=false",
                // waiting alerts of the killed run are swept at once, not after the default grace
                "--incidentflow.ingest.opening.sweep-after=PT0.1S")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().remove("DATABASE_URL");
        Process process = builder.start();
        try {
            await("the application (" + name + ") reports UP on port " + port).atMost(START_LIMIT)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the application exited", () -> !process.isAlive())
                    .until(() -> healthy(port));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroyForcibly();
            throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
        }
        return process;
    }

    private boolean healthy(int port) throws InterruptedException {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private String createIntegration(int port) throws Exception {
        // the catalog is seeded once the application is ready, which may be just after health is UP
        HttpResponse<String> created = await("an integration key for catalog service erp").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> post(port, "/api/integrations", ADMIN, "{\"name\":\"crash test\",\"serviceId\":\"erp\"}"),
                        answer -> answer.statusCode() == 201);
        JsonNode body = json.readTree(created.body());
        return body.get("key").asText();
    }

    private HttpResponse<String> post(int port, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

}
