package io.incidentflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/reports/metrics} on a fixture with known recorded times: incidents whose rows, timelines and
 * pages are written with the times below, and one incident driven through the process with the engine clock
 * set and acknowledged by a task claim. Each test has a period of its own, so the incidents of other tests
 * never count.
 */
@IncidentFlowTest
class RestorationMetricsTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.systemTimeUntilSet();

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final String CLAIMER = "report-claimer";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired IncidentDriver driver;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String auditor;

    @BeforeEach
    void users() {
        auditor = TestUsers.ensure(identity, "report-auditor", Roles.AUDITORS);
        TestUsers.ensure(identity, CLAIMER, "erp-team");
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void everyFigureOfTheFixture() throws Exception {
        Instant start = Instant.parse("2031-01-01T00:00:00Z");
        fixture(start);

        HttpResponse<String> answer = get("/api/reports/metrics?from=" + start + "&to=" + start.plus(DAY.multipliedBy(30)),
                auditor, "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode m = json.readTree(answer.body());
        assertThat(m.path("incidents").asInt()).isEqualTo(7);
        assertThat(json.writeValueAsString(m.path("byPriority"))).isEqualTo("{\"P1\":3,\"P2\":1,\"P3\":1,\"P4\":1,\"none\":1}");
        assertThat(json.writeValueAsString(m.path("byTier"))).isEqualTo("{\"NORMAL\":5,\"MAJOR\":1,\"CONTINUITY\":1}");
        // acknowledged after 4 min (page), 10 min, 1 min, 20 min (responded), 7 min (task claim)
        assertDurations(m.path("timeToAcknowledge"), 5, 420, 1200);
        // commander assigned 10, 5 and 15 minutes after activation
        assertDurations(m.path("timeToEngage"), 3, 600, 900);
        // first join 3 minutes after activation (the second join does not count), and 1 minute
        assertDurations(m.path("timeToJoinBridge"), 2, 60, 180);
        // restored after 1 h, 2 h (major: RESTORED), 5 h (resolved again after a reopen), 50 min
        assertDurations(m.path("timeToRestore"), 4, 3600, 18000);
        assertRate(m.path("slaResponseBreached"), 1, 6);
        assertRate(m.path("slaResolutionBreached"), 1, 6);
        assertRate(m.path("reopened"), 1, 7);
        assertThat(json.writeValueAsString(m.path("meanTimeBetweenFailures"))).isEqualTo(
                "[{\"service\":\"erp\",\"incidents\":5,\"meanSecondsBetween\":129600},"
                        + "{\"service\":\"payments\",\"incidents\":2,\"meanSecondsBetween\":259200}]");
        assertThat(json.writeValueAsString(m.path("continuity"))).isEqualTo(
                "{\"invocations\":2,\"rtoMet\":1,\"rtoMissed\":1}");
    }

    @Test
    void filtersAndCsv() throws Exception {
        Instant start = Instant.parse("2031-03-01T00:00:00Z");
        fixture(start);
        String period = "from=" + start + "&to=" + start.plus(DAY.multipliedBy(30));

        JsonNode payments = json.readTree(get("/api/reports/metrics?" + period + "&service=payments&priority=P1",
                auditor, "application/json").body());
        assertThat(payments.path("incidents").asInt()).isEqualTo(2);
        assertDurations(payments.path("timeToEngage"), 2, 300, 900);
        assertThat(payments.path("continuity").path("invocations").asInt()).isEqualTo(2);
        JsonNode major = json.readTree(get("/api/reports/metrics?" + period + "&tier=MAJOR", auditor,
                "application/json").body());
        assertThat(major.path("incidents").asInt()).isEqualTo(1);
        assertDurations(major.path("timeToRestore"), 1, 7200, 7200);

        HttpResponse<String> csv = get("/api/reports/metrics?" + period, auditor, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("metric,value\r\n\"from\",\"" + start + "\"\r\n")
                .contains("\"incidents\",\"7\"\r\n", "\"timeToAcknowledge.medianSeconds\",\"420\"\r\n",
                        "\"timeToRestore.p90Seconds\",\"18000\"\r\n",
                        "\"meanTimeBetweenFailures.erp.meanSecondsBetween\",\"129600\"\r\n",
                        "\"continuity.rtoMissed\",\"1\"\r\n", "\"service\",\"\"\r\n");
    }

    @Test
    void badFiltersAre400NamingTheField() throws Exception {
        assertBadRequest("from=yesterday", "from");
        assertBadRequest("from=2031-01-02T00:00:00Z&to=2031-01-01T00:00:00Z", "to");
        assertBadRequest("service=no-such-service", "service");
        assertBadRequest("priority=P9", "priority");
        assertBadRequest("tier=GOLD", "tier");
    }

    @Test
    void auditorsMajorIncidentManagersAndAdminsOnly() throws Exception {
        String manager = TestUsers.ensure(identity, "report-manager", Roles.MAJOR_INCIDENT_MANAGERS);
        String admin = TestUsers.ensure(identity, "report-admin", Roles.CAMUNDA_ADMIN);
        String desk = TestUsers.ensure(identity, "report-desk", Roles.SERVICE_DESK);
        String path = "/api/reports/metrics?from=2031-06-01T00:00:00Z&to=2031-06-02T00:00:00Z";

        for (String allowed : new String[] {auditor, manager, admin}) {
            assertThat(get(path, allowed, "application/json").statusCode()).as(allowed).isEqualTo(200);
        }
        assertThat(get(path, desk, "application/json").statusCode()).isEqualTo(403);
        assertThat(get(path, desk, "text/csv").statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    /**
     * Seven incidents logged from {@code start} on (erp: five, payments: two) and two outside the period. The
     * comments give each one's figures.
     */
    private void fixture(Instant start) {
        // before the period and at its end (excluded: the period is [from, to))
        incident("erp", "P1", "NORMAL", start.minusSeconds(1), false, false, 0);
        incident("erp", "P1", "NORMAL", start.plus(DAY.multipliedBy(30)), false, false, 0);

        // acknowledged by page after 4 min (the timeline line came later), restored after 1 h
        String one = incident("erp", "P2", "NORMAL", start, false, false, 0);
        page(one, start.plus(MINUTE.multipliedBy(4)));
        event(one, start.plus(MINUTE.multipliedBy(5)), "PAGE_ACKNOWLEDGED");
        event(one, start.plus(HOUR), "RESOLVED");

        // a major incident: acknowledged 10 min, activated 15 min, joined 18 (and again 20), commander 25 min,
        // restored 2 h after logging; its response target was breached
        Instant two = start.plus(DAY);
        String major = incident("erp", "P1", "MAJOR", two, true, false, 0);
        event(major, two.plus(MINUTE.multipliedBy(10)), "RESPONDED");
        event(major, two.plus(MINUTE.multipliedBy(15)), "MAJOR_ACTIVATED");
        event(major, two.plus(MINUTE.multipliedBy(18)), "BRIDGE_JOINED");
        event(major, two.plus(MINUTE.multipliedBy(20)), "BRIDGE_JOINED");
        event(major, two.plus(MINUTE.multipliedBy(25)), "MAJOR_ROLES");
        event(major, two.plus(HOUR.multipliedBy(2)), "RESTORED");

        // in service continuity: acknowledged 1 min, commander 5 min after activation, RTO missed, not restored
        Instant three = start.plus(DAY.multipliedBy(2));
        String continuity = incident("payments", "P1", "CONTINUITY", three, false, true, 0);
        event(continuity, three.plus(MINUTE), "RESPONDED");
        event(continuity, three.plus(MINUTE.multipliedBy(2)), "MAJOR_ACTIVATED");
        event(continuity, three.plus(MINUTE.multipliedBy(7)), "MAJOR_ROLES");
        event(continuity, three.plus(HOUR), "CONTINUITY_INVOKED");
        event(continuity, three.plus(HOUR.multipliedBy(3)), "RTO_EXCEEDED");
        event(continuity, three.plus(HOUR.multipliedBy(4)), "RESTORED_AT_RECOVERY_SITE");

        // driven through the process (P4): level 1 escalates without taking the task (so no RESPONDED), and a
        // member of the resolver group claims the functional escalation 7 min after logging: only the engine's
        // history of task claims knows that someone took it
        Instant four = start.plus(DAY.multipliedBy(3));
        clock.set(four);
        String driven = driver.log("erp", Level.LOW, Level.LOW).getId();
        clock.set(four.plus(MINUTE.multipliedBy(3)));
        driver.complete(driven, IncidentModel.TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        clock.set(four.plus(MINUTE.multipliedBy(7)));
        identity.setAuthentication(CLAIMER, List.of("erp-team"));
        driver.claim(driven, IncidentModel.TASK_FUNCTIONAL_ESCALATION, CLAIMER);
        identity.clearAuthentication();
        clock.reset();

        // reopened: acknowledged 20 min, resolved 1 h, reopened 2 h, resolved for good 5 h after logging
        Instant five = start.plus(DAY.multipliedBy(4));
        String reopened = incident("erp", "P3", "NORMAL", five, false, false, 1);
        event(reopened, five.plus(MINUTE.multipliedBy(20)), "RESPONDED");
        event(reopened, five.plus(HOUR), "RESOLVED");
        event(reopened, five.plus(HOUR.multipliedBy(2)), "REOPENED");
        event(reopened, five.plus(HOUR.multipliedBy(5)), "RESOLVED");

        // back from a major incident with a recovery within its RTO: nobody acknowledged; activated 5 min,
        // joined 6, commander 20, restored 50 min after logging
        Instant six = start.plus(DAY.multipliedBy(5));
        String recovered = incident("payments", "P1", "NORMAL", six, false, false, 0);
        event(recovered, six.plus(MINUTE.multipliedBy(5)), "MAJOR_ACTIVATED");
        event(recovered, six.plus(MINUTE.multipliedBy(6)), "BRIDGE_JOINED");
        event(recovered, six.plus(MINUTE.multipliedBy(10)), "CONTINUITY_INVOKED");
        event(recovered, six.plus(MINUTE.multipliedBy(20)), "MAJOR_ROLES");
        event(recovered, six.plus(MINUTE.multipliedBy(40)), "RESTORED_AT_RECOVERY_SITE");
        event(recovered, six.plus(MINUTE.multipliedBy(50)), "RESTORED");

        // logged, not yet prioritized: no SLA
        incident("erp", null, "NORMAL", start.plus(DAY.multipliedBy(6)), false, false, 0);
    }

    private String incident(String service, String priority, String tier, Instant logged, boolean responseBreached,
                            boolean resolutionBreached, int reopenCount) {
        String id = "RPT-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("insert into incident (id, title, caller, vip_caller, service_id, category, impact, urgency, source,"
                        + " priority, state, tier, response_breached, resolution_breached, paused_seconds, reopen_count,"
                        + " created_at, updated_at, version) values (?, 'Metrics fixture', 'jane.doe', false, ?,"
                        + " 'SOFTWARE', 'HIGH', 'HIGH', 'API', ?, 'IN_PROGRESS', ?, ?, ?, 0, ?, ?, ?, 0)",
                id, service, priority, tier, responseBreached, resolutionBreached, reopenCount, Timestamp.from(logged),
                Timestamp.from(logged));
        event(id, logged, "LOGGED");
        return id;
    }

    private void event(String incidentId, Instant at, String type) {
        jdbc.update("insert into incident_event (incident_id, occurred_at, type, detail, actor) values (?, ?, ?, ?, ?)",
                incidentId, Timestamp.from(at), type, "fixture", "someone");
    }

    private void page(String incidentId, Instant acknowledgedAt) {
        jdbc.update("insert into page (id, incident_id, group_id, event, summary, process_instance_id, ack_timeout,"
                        + " level_count, paged_level, state, opened_at, acknowledged_at, acknowledged_by,"
                        + " acknowledged_via, version) values (?, ?, 'erp-team', 'paged', 'fixture', 'none', 'PT5M', 1, 1,"
                        + " 'ACKNOWLEDGED', ?, ?, 'alice', 'LINK', 0)",
                UUID.randomUUID().toString(), incidentId, Timestamp.from(acknowledgedAt.minus(MINUTE)),
                Timestamp.from(acknowledgedAt));
    }

    private void assertDurations(JsonNode durations, int count, long median, long p90) {
        assertThat(durations.path("count").asInt()).isEqualTo(count);
        assertThat(durations.path("medianSeconds").asLong()).isEqualTo(median);
        assertThat(durations.path("p90Seconds").asLong()).isEqualTo(p90);
    }

    private void assertRate(JsonNode rate, int count, int of) {
        assertThat(rate.path("count").asInt()).isEqualTo(count);
        assertThat(rate.path("of").asInt()).isEqualTo(of);
        assertThat(rate.path("rate").asDouble()).isEqualTo((double) count / of);
    }

    private void assertBadRequest(String query, String field) throws Exception {
        HttpResponse<String> answer = get("/api/reports/metrics?" + query, auditor, "application/json");
        assertThat(answer.statusCode()).as(query).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("errors").toString()).as(query).contains("\"" + field + "\"");
    }

    private HttpResponse<String> get(String path, String user, String accept) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + TestUsers.password(user))
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
