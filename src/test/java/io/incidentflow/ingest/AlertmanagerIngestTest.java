package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentflow.incident.Incident;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.Priority;
import io.incidentflow.ingest.IngestClient.Key;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/events/alertmanager with the documented webhook v4 payloads (src/test/resources/ingest). */
@IncidentFlowTest
class AlertmanagerIngestTest {

    static final String FIRING = IngestClient.fixture("alertmanager-firing.json");
    static final String RESOLVED = IngestClient.fixture("alertmanager-resolved.json");
    static final String FIRING_TWO = IngestClient.fixture("alertmanager-firing-two-alerts.json");

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

    @Test
    void firingGroupOpensAnIncidentOnTheIntegrationsService() {
        ResponseEntity<JsonNode> answer = client.alertmanager(key, FIRING);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("success");
        assertThat(answer.getBody().get("result").asText()).isEqualTo("opened");
        String id = answer.getBody().get("incidentId").asText();
        Incident incident = incidents.get(id);
        assertThat(incident.getSource()).isEqualTo(IncidentSource.ALERTMANAGER);
        assertThat(incident.getServiceId()).isEqualTo("erp");
        assertThat(incident.getTitle()).isEqualTo("CheckoutErrorRate: Checkout 5xx error rate above 5%");
        assertThat(incident.getDescription()).contains("checkout-1:8080").contains("severity warning");
        // warning → low impact, medium urgency → P4 on a supporting service
        assertThat(incident.getImpact()).isEqualTo(Level.LOW);
        assertThat(incident.getUrgency()).isEqualTo(Level.MEDIUM);
        assertThat(incident.getPriority()).isEqualTo(Priority.P4);
        assertThat(client.timeline(id, "MONITORING_EVENT")).hasSize(1);
        assertThat(client.count("select count(*) from open_alert where integration_id = ? and incident_id = ?",
                key.id(), id)).isEqualTo(1);
        assertThat(client.events(key)).isEqualTo(1);
    }

    @Test
    void aRetriedDeliveryOfTheSamePayloadHasNoSecondEffect() {
        String id = client.alertmanager(key, FIRING).getBody().get("incidentId").asText();

        ResponseEntity<JsonNode> retry = client.alertmanager(key, FIRING);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody().get("status").asText()).isEqualTo("duplicate");
        assertThat(retry.getBody().get("incidentId").asText()).isEqualTo(id);
        assertThat(client.timeline(id, "MONITORING_EVENT")).hasSize(1);

        client.alertmanager(key, RESOLVED);
        ResponseEntity<JsonNode> resolvedRetry = client.alertmanager(key, RESOLVED);
        assertThat(resolvedRetry.getBody().get("status").asText()).isEqualTo("duplicate");
        assertThat(client.timeline(id, "MONITORING_RECOVERED")).hasSize(1);
        // and the old firing payload, retried late, does not reopen anything
        assertThat(client.alertmanager(key, FIRING).getBody().get("status").asText()).isEqualTo("duplicate");
        assertThat(client.incidentsOf(key)).containsExactly(id);
        assertThat(client.count("select count(*) from open_alert where integration_id = ?", key.id())).isZero();
    }

    @Test
    void aChangedGroupIsAppendedToTheOpenIncident() {
        String id = client.alertmanager(key, FIRING).getBody().get("incidentId").asText();

        ResponseEntity<JsonNode> second = client.alertmanager(key, FIRING_TWO);

        assertThat(second.getBody().get("result").asText()).isEqualTo("appended");
        assertThat(second.getBody().get("incidentId").asText()).isEqualTo(id);
        List<String> entries = client.timeline(id, "MONITORING_EVENT").stream().map(e -> e.getDetail()).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).contains("2 firing").contains("checkout-2:8080");
        assertThat(client.incidentsOf(key)).containsExactly(id);
    }

    @Test
    void resolvedRecordsRecoveryAndTheNextFiringOpensANewIncident() {
        String first = client.alertmanager(key, FIRING).getBody().get("incidentId").asText();

        ResponseEntity<JsonNode> resolved = client.alertmanager(key, RESOLVED);

        assertThat(resolved.getBody().get("result").asText()).isEqualTo("recovered");
        assertThat(resolved.getBody().get("incidentId").asText()).isEqualTo(first);
        assertThat(client.timeline(first, "MONITORING_RECOVERED")).singleElement()
                .satisfies(e -> assertThat(e.getDetail()).contains("monitoring reports recovery"));
        // recovery is recorded, restoring service is still confirmed by a person
        assertThat(incidents.get(first).getState()).isEqualTo(IncidentState.IN_PROGRESS);

        String refired = FIRING.replace("2026-11-21T09:52:26.739266876Z", "2026-11-21T11:00:00Z");
        ResponseEntity<JsonNode> again = client.alertmanager(key, refired);

        assertThat(again.getBody().get("result").asText()).isEqualTo("opened");
        String second = again.getBody().get("incidentId").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(client.incidentsOf(key)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void resolvedWithoutAnOpenIncidentIsAcceptedAndChangesNothing() {
        ResponseEntity<JsonNode> answer = client.alertmanager(key, RESOLVED);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().get("result").asText()).isEqualTo("dropped");
        assertThat(answer.getBody().has("incidentId")).isFalse();
        assertThat(client.incidentsOf(key)).isEmpty();
    }

    @Test
    void serviceAndSeverityComeFromLabels_criticalOnMissionCriticalGoesToTier2() throws Exception {
        ObjectNode payload = (ObjectNode) IngestClient.JSON.readTree(FIRING);
        ((ObjectNode) payload.get("commonLabels")).put("severity", "page").put("service", "payments");
        client.allow(key, "payments");

        String id = client.alertmanager(key, payload.toString()).getBody().get("incidentId").asText();

        Incident incident = incidents.get(id);
        assertThat(incident.getServiceId()).isEqualTo("payments");
        assertThat(incident.getImpact()).isEqualTo(Level.HIGH);
        assertThat(incident.getUrgency()).isEqualTo(Level.HIGH);
        assertThat(incident.getPriority()).isEqualTo(Priority.P1);
        assertThat(incident.getTier()).isEqualTo(IncidentTier.MAJOR);
        assertThat(incident.getDescription()).contains("severity critical (sent: page) on mission-critical service payments");
    }

    @Test
    void worstSeverityOfTheFiringAlertsCountsWhenTheGroupHasNoCommonOne() {
        String id = client.alertmanager(key, FIRING_TWO).getBody().get("incidentId").asText();

        // critical on the supporting erp service: medium impact, high urgency → P2, not major
        Incident incident = incidents.get(id);
        assertThat(incident.getImpact()).isEqualTo(Level.MEDIUM);
        assertThat(incident.getUrgency()).isEqualTo(Level.HIGH);
        assertThat(incident.getPriority()).isEqualTo(Priority.P2);
        assertThat(incident.getTier()).isEqualTo(IncidentTier.NORMAL);
    }

    // ---- bad input: 401 or 4xx with a clear error, nothing stored ----

    @Test
    void missingAuthorizationIs401() {
        ResponseEntity<JsonNode> answer = client.alertmanager((String) null, FIRING);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(answer.getBody().get("message").asText()).contains("Authorization");
        assertNothingStored();
    }

    @Test
    void otherSchemeIs401() {
        assertThat(client.alertmanager("Basic YWRtaW46YWRtaW4=", FIRING).getStatusCode().value()).isEqualTo(401);
        assertThat(client.alertmanager("Bearer ", FIRING).getStatusCode().value()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void unknownKeyIs401() {
        ResponseEntity<JsonNode> answer = client.alertmanager("Bearer " + IntegrationKeys.generate(), FIRING);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody().get("message").asText()).contains("Unknown or revoked integration key");
        assertNothingStored();
    }

    @Test
    void revokedKeyIs401() {
        jdbc.update("update ingest_integration set revoked_at = current_timestamp where id = ?", key.id());
        assertThat(client.alertmanager(key, FIRING).getStatusCode().value()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void malformedJsonIs400() {
        ResponseEntity<JsonNode> answer = client.alertmanager(key, FIRING.substring(0, 200));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("not valid JSON");
        assertThat(client.alertmanager(key, "[]").getStatusCode().value()).isEqualTo(400);
        assertThat(client.alertmanager(key, "").getStatusCode().value()).isEqualTo(400);
        assertThat(client.alertmanager(key, FIRING + " {}").getStatusCode().value()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void wrongTypesAre400NamingEachField() throws Exception {
        ObjectNode payload = (ObjectNode) IngestClient.JSON.readTree(FIRING);
        payload.put("status", 42);
        payload.put("truncatedAlerts", "none");
        ObjectNode alert = (ObjectNode) payload.get("alerts").get(0);
        ((ObjectNode) alert.get("labels")).put("instance", 7);
        alert.put("startsAt", "yesterday");

        ResponseEntity<JsonNode> answer = client.alertmanager(key, payload.toString());

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("status", "truncatedAlerts", "alerts[0].labels.instance",
                "alerts[0].startsAt");
        payload.put("alerts", "all of them");
        assertThat(fields(client.alertmanager(key, payload.toString()))).contains("alerts");
        assertNothingStored();
    }

    @Test
    void missingRequiredFieldsAre400() throws Exception {
        ObjectNode payload = (ObjectNode) IngestClient.JSON.readTree(FIRING);
        payload.remove("groupKey");
        payload.remove("version");
        ObjectNode alert = (ObjectNode) payload.get("alerts").get(0);
        alert.remove("startsAt");
        alert.remove("status");

        assertThat(fields(client.alertmanager(key, payload.toString()))).containsExactlyInAnyOrder("groupKey", "version",
                "alerts[0].startsAt", "alerts[0].status");
        payload.remove("alerts");
        assertThat(fields(client.alertmanager(key, payload.toString()))).contains("alerts");
        assertNothingStored();
    }

    @Test
    void otherPayloadVersionIs400() {
        ResponseEntity<JsonNode> answer = client.alertmanager(key, FIRING.replace("\"version\": \"4\"", "\"version\": \"3\""));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("version");
        assertNothingStored();
    }

    @Test
    void bodyOver512KbIs413() throws Exception {
        ObjectNode payload = (ObjectNode) IngestClient.JSON.readTree(FIRING);
        ((ObjectNode) payload.get("commonAnnotations")).put("description", "x".repeat(512 * 1024));

        ResponseEntity<JsonNode> answer = client.alertmanager(key, payload.toString());

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().get("message").asText()).contains("larger than 524288 bytes");
        assertNothingStored();
    }

    private static List<String> fields(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        return java.util.stream.StreamSupport.stream(answer.getBody().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private void assertNothingStored() {
        assertThat(client.events(key)).isZero();
        assertThat(client.count("select count(*) from open_alert where integration_id = ?", key.id())).isZero();
    }
}
