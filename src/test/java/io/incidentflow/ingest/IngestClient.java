package io.incidentflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sends fixtures over real HTTP and reads what the ingestion stored. */
final class IngestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final TestRestTemplate http;
    final JdbcTemplate jdbc;
    final IncidentService incidents;

    IngestClient(TestRestTemplate http, JdbcTemplate jdbc, IncidentService incidents) {
        this.http = http;
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    /** A new integration of the service, straight into the table (the admin API has its own test). */
    Key integration(String serviceId) {
        String key = IntegrationKeys.generate();
        jdbc.update("insert into ingest_integration (name, service_id, key_sha256, key_hint, created_by, created_at)"
                        + " values (?, ?, ?, ?, 'test', ?)", "test " + serviceId + " " + key.substring(0, 6), serviceId,
                IntegrationKeys.sha256(key), IntegrationKeys.hint(key), IntegrationRepository.offset(EngineClock.now()));
        long id = jdbc.queryForObject("select id from ingest_integration where key_sha256 = ?", Long.class,
                IntegrationKeys.sha256(key));
        return new Key(id, key);
    }

    record Key(long id, String key) {
    }

    /** Lets the key act on these services too, as camunda-admin does with PUT /api/integrations/{id}/scope. */
    void allow(Key key, String... serviceIds) {
        for (String serviceId : serviceIds) {
            jdbc.update("insert into ingest_integration_service (integration_id, service_id) values (?, ?)",
                    key.id(), serviceId);
        }
    }

    /** Gives the key its own rate limit. */
    void limit(Key key, int eventsPerMinute) {
        jdbc.update("update ingest_integration set rate_limit_per_minute = ? where id = ?", eventsPerMinute, key.id());
    }

    static String fixture(String name) {
        try (InputStream in = IngestClient.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fixture(String name, Map<String, String> values) {
        String text = fixture(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    ResponseEntity<JsonNode> alertmanager(String authorization, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.postForEntity("/api/events/alertmanager", new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> alertmanager(Key key, String body) {
        return alertmanager("Bearer " + key.key(), body);
    }

    /**
     * Sends a PagerDuty event and returns once every answered trigger has its incident: PagerDuty triggers are
     * answered when stored, and the opener opens their incident right after.
     */
    ResponseEntity<JsonNode> pagerduty(String body) {
        ResponseEntity<JsonNode> answer = pagerdutyAnsweredOnly(body);
        Awaitility.await("every answered trigger has its incident").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from open_alert where incident_id is null") == 0
                        && count("select count(*) from ingest_event where incident_id is null and outcome = 'APPENDED'") == 0);
        return answer;
    }

    /** Sends a PagerDuty event and returns with its answer, whether its incident is open yet or not. */
    ResponseEntity<JsonNode> pagerdutyAnsweredOnly(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/events/v2/enqueue", new HttpEntity<>(body, headers), JsonNode.class);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    List<String> incidentsOf(Key key) {
        return jdbc.queryForList("select distinct incident_id from ingest_event where integration_id = ?"
                + " and incident_id is not null order by incident_id", String.class, key.id());
    }

    int events(Key key) {
        return count("select count(*) from ingest_event where integration_id = ?", key.id());
    }

    List<IncidentEvent> timeline(String incidentId, String type) {
        return incidents.timeline(incidentId).stream().filter(e -> e.getType().equals(type)).toList();
    }
}
