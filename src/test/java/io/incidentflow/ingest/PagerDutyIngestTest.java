package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.ingest.IngestClient.Key;
import io.incidentflow.major.MajorIncidentModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/events/v2/enqueue with the documented PagerDuty Events API v2 events (src/test/resources/ingest). */
@IncidentFlowTest
class PagerDutyIngestTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired IncidentDriver driver;
    @Autowired AlertOpener opener;
    IngestClient client;
    Key key;
    String suffix;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
        key = client.integration("erp");
        suffix = IngestClient.unique();
    }

    private String event(String fixture) {
        return IngestClient.fixture(fixture, Map.of("routing_key", key.key(), "suffix", suffix));
    }

    private String event(String fixture, Consumer<ObjectNode> change) throws Exception {
        ObjectNode node = (ObjectNode) IngestClient.JSON.readTree(event(fixture));
        change.accept(node);
        return node.toString();
    }

    @Test
    void triggerAcknowledgeResolveAndTriggerAgain() {
        ResponseEntity<JsonNode> triggered = client.pagerduty(event("pagerduty-trigger.json"));

        assertThat(triggered.getStatusCode().value()).isEqualTo(202);
        assertThat(triggered.getBody().get("status").asText()).isEqualTo("success");
        assertThat(triggered.getBody().get("message").asText()).isEqualTo("Event processed");
        assertThat(triggered.getBody().get("dedup_key").asText()).isEqualTo("erp-batch-" + suffix);
        List<String> opened = client.incidentsOf(key);
        assertThat(opened).hasSize(1);
        String id = opened.get(0);
        Incident incident = incidents.get(id);
        assertThat(incident.getSource()).isEqualTo(IncidentSource.PAGERDUTY);
        assertThat(incident.getServiceId()).isEqualTo("erp");
        assertThat(incident.getTitle()).isEqualTo("Nightly ERP invoice batch failed on erp-app-02");
        assertThat(incident.getCaller()).isEqualTo("erp-app-02.example.org");
        assertThat(incident.getDescription()).contains("invoice-batch").contains("ORA-01555");
        assertThat(incident.getImpact()).isEqualTo(Level.MEDIUM);
        assertThat(incident.getUrgency()).isEqualTo(Level.MEDIUM);

        // the same dedup key while open: appended, no new incident; a repeat is an event, not a timeline entry
        assertThat(client.pagerduty(event("pagerduty-trigger.json")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.incidentsOf(key)).containsExactly(id);
        assertThat(client.timeline(id, "MONITORING_EVENT")).hasSize(1);
        assertThat(client.count("select count(*) from ingest_event where incident_id = ? and outcome = 'APPENDED'", id))
                .isEqualTo(1);

        ResponseEntity<JsonNode> acknowledged = client.pagerduty(event("pagerduty-acknowledge.json"));
        assertThat(acknowledged.getStatusCode().value()).isEqualTo(202);
        assertThat(acknowledged.getBody().get("dedup_key").asText()).isEqualTo("erp-batch-" + suffix);
        assertThat(client.timeline(id, "MONITORING_ACKNOWLEDGED")).hasSize(1);
        assertThat(client.count("select count(*) from open_alert where integration_id = ? and acknowledged_at is not null",
                key.id())).isEqualTo(1);

        assertThat(client.pagerduty(event("pagerduty-resolve.json")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.timeline(id, "MONITORING_RECOVERED")).singleElement()
                .satisfies(recovered -> assertThat(recovered.getDetail()).contains("recovery after 4 events of this alert"));
        assertThat(client.count("select count(*) from open_alert where integration_id = ?", key.id())).isZero();

        // after resolution acknowledge and resolve are dropped (accepted, no effect) ...
        assertThat(client.pagerduty(event("pagerduty-acknowledge.json")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.pagerduty(event("pagerduty-resolve.json")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.timeline(id, "MONITORING_ACKNOWLEDGED")).hasSize(1);
        assertThat(client.timeline(id, "MONITORING_RECOVERED")).hasSize(1);
        assertThat(client.count("select count(*) from ingest_event where integration_id = ? and outcome = 'DROPPED'",
                key.id())).isEqualTo(2);

        // ... and a trigger opens a new incident
        assertThat(client.pagerduty(event("pagerduty-trigger.json")).getStatusCode().value()).isEqualTo(202);
        List<String> all = client.incidentsOf(key);
        assertThat(all).hasSize(2).contains(id);
        String second = all.stream().filter(i -> !i.equals(id)).findFirst().orElseThrow();
        assertThat(client.timeline(second, "MONITORING_EVENT")).hasSize(1);
        assertThat(client.events(key)).isEqualTo(7);
    }

    @Test
    void aTriggerThatSaysSomethingNewGoesOnTheTimelineAndRepeatsOfItDoNot() throws Exception {
        client.pagerduty(event("pagerduty-trigger.json"));
        String id = client.incidentsOf(key).get(0);

        String worse = event("pagerduty-trigger.json", e -> ((ObjectNode) e.get("payload")).put("severity", "critical"));
        client.pagerduty(worse);
        client.pagerduty(worse);
        client.pagerduty(event("pagerduty-trigger.json"));

        List<String> entries = client.timeline(id, "MONITORING_EVENT").stream().map(IncidentEvent::getDetail).toList();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1)).contains("still firing, with news (2 events of this alert so far)").contains("critical");
        assertThat(entries.get(2)).contains("still firing, with news (4 events of this alert so far)").contains("severity error");
        assertThat(client.events(key)).isEqualTo(4);
    }

    @Test
    void aTriggerAnsweredByANodeThatDiedBeforeOpeningItsIncidentIsOpenedByTheSweepWithItsRepeats() {
        // what a node leaves when it dies between answering a trigger (and a repeat) and opening the incident
        String dedupKey = "left-by-a-dead-node-" + suffix;
        String body = event("pagerduty-trigger.json").replace("erp-batch-" + suffix, dedupKey);
        Instant answered = EngineClock.now().minus(Duration.ofMinutes(1));
        jdbc.update("insert into open_alert (integration_id, dedup_key, opened_at) values (?, ?, ?)", key.id(), dedupKey,
                answered.atOffset(ZoneOffset.UTC));
        for (String outcome : List.of("OPENED", "APPENDED")) {
            jdbc.update("insert into ingest_event (integration_id, received_at, format, action, dedup_key, outcome, summary,"
                    + " payload) values (?, ?, 'pagerduty', 'trigger', ?, ?, 'left behind', ?)", key.id(),
                    answered.atOffset(ZoneOffset.UTC), dedupKey, outcome, body);
        }

        opener.sweep();

        List<String> opened = client.incidentsOf(key);
        assertThat(opened).hasSize(1);
        assertThat(client.count("select count(*) from ingest_event where dedup_key = ? and incident_id = ?", dedupKey,
                opened.get(0))).as("both answered events belong to the incident").isEqualTo(2);
        assertThat(incidents.get(opened.get(0)).getTitle()).isEqualTo("Nightly ERP invoice batch failed on erp-app-02");
        assertThat(client.timeline(opened.get(0), "MONITORING_EVENT")).hasSize(1);
        assertThat(client.count("select count(*) from open_alert where dedup_key = ? and incident_id = ?", dedupKey,
                opened.get(0))).isEqualTo(1);
    }

    @Test
    void aRepeatThatCommitsAfterTheOpenerLinkedTheOthersIsLinkedByTheNextSweep() {
        client.pagerduty(event("pagerduty-trigger.json"));
        String id = client.incidentsOf(key).get(0);
        // a repeat that read "being opened" and committed only after the opener had linked the alert's events
        jdbc.update("insert into ingest_event (integration_id, received_at, format, action, dedup_key, outcome, summary,"
                + " payload) values (?, ?, 'pagerduty', 'trigger', ?, 'APPENDED', 'late', '{}')", key.id(),
                EngineClock.now().atOffset(ZoneOffset.UTC), "erp-batch-" + suffix);

        opener.sweep();

        assertThat(client.count("select count(*) from ingest_event where integration_id = ? and incident_id = ?", key.id(),
                id)).as("the trigger and the late repeat").isEqualTo(2);
    }

    @Test
    void theRoutingKeyAloneAuthenticatesAnEventNotABasicLoginHeaderBesideIt() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("nobody", "not-a-password");

        ResponseEntity<JsonNode> answer = http.postForEntity("/api/events/v2/enqueue",
                new HttpEntity<>(event("pagerduty-trigger.json"), headers), JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(client.events(key)).isEqualTo(1);
    }

    @Test
    void triggerWithoutDedupKeyGetsOneGeneratedAndReturned() throws Exception {
        ResponseEntity<JsonNode> answer = client.pagerduty(event("pagerduty-trigger.json", e -> e.remove("dedup_key")));

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        String generated = answer.getBody().get("dedup_key").asText();
        assertThat(generated).matches("[0-9a-f]{32}");
        String id = client.incidentsOf(key).get(0);

        client.pagerduty(event("pagerduty-resolve.json", e -> e.put("dedup_key", generated)));
        assertThat(client.timeline(id, "MONITORING_RECOVERED")).hasSize(1);
    }

    @Test
    void criticalOnAMissionCriticalServiceIsHandedToTier2() throws Exception {
        Key payments = client.integration("payments");
        String body = event("pagerduty-trigger.json", e -> {
            e.put("routing_key", payments.key());
            ((ObjectNode) e.get("payload")).put("severity", "critical");
        });

        assertThat(client.pagerduty(body).getStatusCode().value()).isEqualTo(202);

        Incident incident = incidents.get(client.incidentsOf(payments).get(0));
        assertThat(incident.getImpact()).isEqualTo(Level.HIGH);
        assertThat(incident.getUrgency()).isEqualTo(Level.HIGH);
        assertThat(incident.getPriority()).isEqualTo(Priority.P1);
        assertThat(incident.getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(incident.getMajorReason()).isEqualTo("Critical monitoring event on a mission-critical service");
        assertThat(driver.passedActivities(incident.getId())).contains("Event_CriticalEventReceived");
        assertThat(driver.task(MajorIncidentModel.PROCESS_KEY, incident.getId(),
                MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS)).isNotNull();
    }

    @Test
    void resolveOfAnActiveMajorIncidentAsksAPersonToConfirmRecovery() throws Exception {
        Key payments = client.integration("payments");
        String dedupKey = "checkout-" + suffix;
        client.pagerduty(event("pagerduty-trigger.json", e -> {
            e.put("routing_key", payments.key());
            e.put("dedup_key", dedupKey);
            ((ObjectNode) e.get("payload")).put("severity", "critical");
        }));
        String id = client.incidentsOf(payments).get(0);
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS),
                Map.of("triageDecision", "activate"));

        client.pagerduty(event("pagerduty-resolve.json", e -> {
            e.put("routing_key", payments.key());
            e.put("dedup_key", dedupKey);
        }));

        assertThat(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_CONFIRM_RECOVERY))
                .isNotNull();
        assertThat(incidents.get(id).getState()).as("restored only when a person confirms")
                .isEqualTo(IncidentState.IN_PROGRESS);
    }

    @Test
    void criticalOnASupportingServiceStaysATier1Incident() throws Exception {
        client.pagerduty(event("pagerduty-trigger.json", e -> ((ObjectNode) e.get("payload")).put("severity", "critical")));

        Incident incident = incidents.get(client.incidentsOf(key).get(0));
        assertThat(incident.getPriority()).isEqualTo(Priority.P2);
        assertThat(incident.getTier()).isEqualTo(IncidentTier.NORMAL);
    }

    @Test
    void customDetailsNameServiceAndImpact() throws Exception {
        client.allow(key, "email");
        client.pagerduty(event("pagerduty-trigger.json", e -> ((ObjectNode) e.get("payload").get("custom_details"))
                .put("service", "email").put("impact", "high")));

        Incident incident = incidents.get(client.incidentsOf(key).get(0));
        assertThat(incident.getServiceId()).isEqualTo("email");
        assertThat(incident.getImpact()).isEqualTo(Level.HIGH);
        assertThat(incident.getUrgency()).isEqualTo(Level.MEDIUM);
    }

    // ---- bad input: PagerDuty-style 400 with errors, nothing stored ----

    @Test
    void missingRoutingKey() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> e.remove("routing_key")), "'routing_key' is missing");
    }

    @Test
    void unknownRoutingKey() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> e.put("routing_key", IntegrationKeys.generate())),
                "'routing_key' is not a valid integration key");
    }

    @Test
    void revokedRoutingKey() {
        jdbc.update("update ingest_integration set revoked_at = current_timestamp where id = ?", key.id());
        assertInvalid(event("pagerduty-trigger.json"), "'routing_key' is not a valid integration key");
    }

    @Test
    void routingKeyOfWrongType() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> e.put("routing_key", 12345)), "'routing_key' must be a string");
    }

    @Test
    void missingOrUnknownEventAction() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> e.remove("event_action")), "'event_action' is missing");
        assertInvalid(event("pagerduty-trigger.json", e -> e.put("event_action", "escalate")),
                "'event_action' must be one of acknowledge, resolve, trigger");
    }

    @Test
    void triggerWithoutPayloadOrItsRequiredFields() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> e.remove("payload")), "'payload' is missing");
        assertInvalid(event("pagerduty-trigger.json", e -> e.put("payload", "disk full")), "'payload' must be an object");
        ResponseEntity<JsonNode> answer = assertInvalid(event("pagerduty-trigger.json", e -> {
            ObjectNode payload = (ObjectNode) e.get("payload");
            payload.remove("summary");
            payload.remove("source");
            payload.remove("severity");
        }), "'payload.summary' is missing");
        assertThat(errors(answer)).contains("'payload.source' is missing", "'payload.severity' is missing");
    }

    @Test
    void summaryOver1024Characters() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> ((ObjectNode) e.get("payload")).put("summary", "s".repeat(1025))),
                "'payload.summary' is longer than 1024 characters (1025)");
    }

    @Test
    void unknownSeverity() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> ((ObjectNode) e.get("payload")).put("severity", "disaster")),
                "'payload.severity' must be one of critical, error, info, warning");
    }

    @Test
    void wrongTypes() throws Exception {
        ResponseEntity<JsonNode> answer = assertInvalid(event("pagerduty-trigger.json", e -> {
            ((ObjectNode) e.get("payload")).put("summary", 42);
            ((ObjectNode) e.get("payload")).put("timestamp", "last tuesday");
            e.put("links", "none");
        }), "'payload.summary' must be a string");
        assertThat(errors(answer)).contains("'links' must be an array").anyMatch(s -> s.startsWith("'payload.timestamp'"));
    }

    @Test
    void dedupKeyOver255Characters() throws Exception {
        assertInvalid(event("pagerduty-trigger.json", e -> e.put("dedup_key", "d".repeat(256))),
                "'dedup_key' is longer than 255 characters (256)");
    }

    @Test
    void acknowledgeAndResolveNeedADedupKey() throws Exception {
        assertInvalid(event("pagerduty-acknowledge.json", e -> e.remove("dedup_key")),
                "'dedup_key' is required for event_action acknowledge");
        assertInvalid(event("pagerduty-resolve.json", e -> e.remove("dedup_key")),
                "'dedup_key' is required for event_action resolve");
    }

    @Test
    void malformedJson() {
        ResponseEntity<JsonNode> answer = client.pagerduty("{\"routing_key\": \"" + key.key() + "\", \"event_action\": ");
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("invalid event");
        assertThat(errors(answer)).singleElement().asString().startsWith("'body' is not valid JSON");
        assertThat(client.pagerduty("\"trigger\"").getStatusCode().value()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void bodyOver512Kb() throws Exception {
        String body = event("pagerduty-trigger.json", e -> ((ObjectNode) e.get("payload").get("custom_details"))
                .put("log", "x".repeat(512 * 1024)));

        ResponseEntity<JsonNode> answer = client.pagerduty(body);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("invalid event");
        assertThat(errors(answer)).singleElement().asString().contains("larger than 524288 bytes");
        assertNothingStored();
    }

    private ResponseEntity<JsonNode> assertInvalid(String body, String expectedError) {
        ResponseEntity<JsonNode> answer = client.pagerduty(body);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("invalid event");
        assertThat(answer.getBody().get("message").asText()).isEqualTo("Event object is invalid");
        assertThat(errors(answer)).anyMatch(e -> e.startsWith(expectedError));
        assertNothingStored();
        return answer;
    }

    private static List<String> errors(ResponseEntity<JsonNode> answer) {
        return StreamSupport.stream(answer.getBody().get("errors").spliterator(), false).map(JsonNode::asText).toList();
    }

    private void assertNothingStored() {
        assertThat(client.events(key)).isZero();
        assertThat(client.count("select count(*) from open_alert where integration_id = ?", key.id())).isZero();
    }
}
