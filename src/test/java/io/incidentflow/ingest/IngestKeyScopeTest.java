package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import io.incidentflow.security.AdminProperties;
import io.incidentflow.security.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An integration key acts only on its own service and on the services camunda-admin listed for it;
 * an event naming another catalog service is refused and leaves nothing behind.
 */
@IncidentFlowTest
class IngestKeyScopeTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired IdentityService identity;
    @Autowired AdminProperties adminProperties;
    IngestClient client;
    Key key;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
        key = client.integration("erp");
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth(adminProperties.userId(), adminProperties.password());
    }

    private String alertmanager(String service) throws Exception {
        ObjectNode payload = (ObjectNode) IngestClient.JSON.readTree(IngestClient.fixture("alertmanager-firing.json"));
        payload.put("groupKey", "scope-" + IngestClient.unique());
        ((ObjectNode) payload.get("commonLabels")).put("service", service);
        return payload.toString();
    }

    private String pagerduty(Key key, String service) throws Exception {
        ObjectNode event = (ObjectNode) IngestClient.JSON.readTree(IngestClient.fixture("pagerduty-trigger.json",
                Map.of("routing_key", key.key(), "suffix", IngestClient.unique())));
        ((ObjectNode) event.get("payload").get("custom_details")).put("service", service);
        return event.toString();
    }

    private int incidentCount() {
        return client.count("select count(*) from incident");
    }

    @Test
    void eventsNamingTheKeysOwnServiceOpenIncidentsThere() throws Exception {
        ResponseEntity<JsonNode> alert = client.alertmanager(key, alertmanager("erp"));
        assertThat(alert.getStatusCode().value()).isEqualTo(200);
        assertThat(incidents.get(alert.getBody().get("incidentId").asText()).getServiceId()).isEqualTo("erp");

        assertThat(client.pagerduty(pagerduty(key, "erp")).getStatusCode().value()).isEqualTo(202);
        assertThat(client.incidentsOf(key)).hasSize(2)
                .allSatisfy(id -> assertThat(incidents.get(id).getServiceId()).isEqualTo("erp"));
    }

    @Test
    void anEventNamingAnotherServiceIsRefusedAndNothingIsStored() throws Exception {
        int before = incidentCount();

        ResponseEntity<JsonNode> alert = client.alertmanager(key, alertmanager("payments"));
        assertThat(alert.getStatusCode().value()).isEqualTo(403);
        JsonNode problem = alert.getBody().get("errors").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("labels.service");
        assertThat(problem.get("reason").asText()).contains("'payments'").contains("not allowed for this integration key");

        ResponseEntity<JsonNode> event = client.pagerduty(pagerduty(key, "payments"));
        assertThat(event.getStatusCode().value()).isEqualTo(400);
        assertThat(event.getBody().get("status").asText()).isEqualTo("invalid event");
        assertThat(event.getBody().get("errors").get(0).asText()).startsWith("'payload.custom_details.service'")
                .contains("'payments'").contains("not allowed for this routing key");

        assertThat(client.events(key)).isZero();
        assertThat(client.count("select count(*) from open_alert where integration_id = ?", key.id())).isZero();
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void aLabelThatIsNoCatalogServiceFallsBackToTheKeysOwnService() throws Exception {
        ResponseEntity<JsonNode> alert = client.alertmanager(key, alertmanager("checkout-frontend"));
        assertThat(alert.getStatusCode().value()).isEqualTo(200);
        assertThat(incidents.get(alert.getBody().get("incidentId").asText()).getServiceId()).isEqualTo("erp");
    }

    @Test
    void adminListsFurtherServicesOfAKeyAndCanTakeThemAwayAgain() throws Exception {
        ResponseEntity<JsonNode> created = admin().postForEntity("/api/integrations", Map.of("name", "scope "
                + IngestClient.unique(), "serviceId", "erp", "serviceIds", List.of("payments", "erp")), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("serviceIds").toString()).isEqualTo("[\"erp\",\"payments\"]");
        Key listed = new Key(created.getBody().get("id").asLong(), created.getBody().get("key").asText());

        assertThat(client.pagerduty(pagerduty(listed, "payments")).getStatusCode().value()).isEqualTo(202);
        assertThat(incidents.get(client.incidentsOf(listed).get(0)).getServiceId()).isEqualTo("payments");
        assertThat(client.alertmanager(listed, alertmanager("email")).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> changed = admin().exchange("/api/integrations/" + listed.id() + "/scope",
                HttpMethod.PUT, new HttpEntity<>(Map.of("serviceIds", List.of("email"))), JsonNode.class);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody().get("serviceIds").toString()).isEqualTo("[\"erp\",\"email\"]");

        assertThat(client.alertmanager(listed, alertmanager("email")).getStatusCode().value()).isEqualTo(200);
        assertThat(client.pagerduty(pagerduty(listed, "payments")).getStatusCode().value()).isEqualTo(400);
        assertThat(client.events(listed)).isEqualTo(2);
    }

    @Test
    void unknownServiceIdsAre400NamingThemAndChangeNothing() {
        String name = "scope " + IngestClient.unique();
        ResponseEntity<JsonNode> refused = admin().postForEntity("/api/integrations", Map.of("name", name,
                "serviceId", "erp", "serviceIds", List.of("payments", "no-such-a", "no-such-b")), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = refused.getBody().get("errors").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("serviceIds");
        assertThat(problem.get("reason").asText()).contains("'no-such-a'").contains("'no-such-b'").doesNotContain("payments");
        assertThat(client.count("select count(*) from ingest_integration where name = ?", name)).isZero();

        ResponseEntity<JsonNode> unchanged = admin().exchange("/api/integrations/" + key.id() + "/scope", HttpMethod.PUT,
                new HttpEntity<>(Map.of("serviceIds", List.of("payments", "no-such-c"))), JsonNode.class);
        assertThat(unchanged.getStatusCode().value()).isEqualTo(400);
        assertThat(unchanged.getBody().get("errors").get(0).get("reason").asText()).contains("'no-such-c'");
        assertThat(client.count("select count(*) from ingest_integration_service where integration_id = ?", key.id()))
                .isZero();

        ResponseEntity<JsonNode> blank = admin().exchange("/api/integrations/" + key.id() + "/scope", HttpMethod.PUT,
                new HttpEntity<>(Map.of("serviceIds", List.of(" "))), JsonNode.class);
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> negative = admin().exchange("/api/integrations/" + key.id() + "/scope", HttpMethod.PUT,
                new HttpEntity<>(Map.of("rateLimitPerMinute", -1)), JsonNode.class);
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().get("errors").get(0).get("field").asText()).isEqualTo("rateLimitPerMinute");
    }

    @Test
    void onlyCamundaAdminsChangeTheScopeOfAKey() {
        HttpEntity<Map<String, List<String>>> body = new HttpEntity<>(Map.of("serviceIds", List.of("payments")));
        String path = "/api/integrations/" + key.id() + "/scope";

        assertThat(http.exchange(path, HttpMethod.PUT, body, JsonNode.class).getStatusCode().value()).isEqualTo(401);
        String agent = TestUsers.ensure(identity, "scope-agent-" + IngestClient.unique(), Roles.SERVICE_DESK);
        ResponseEntity<JsonNode> denied = http.withBasicAuth(agent, TestUsers.password(agent))
                .exchange(path, HttpMethod.PUT, body, JsonNode.class);
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        assertThat(denied.getBody().get("detail").asText()).contains("camunda-admin");
        assertThat(client.count("select count(*) from ingest_integration_service where integration_id = ?", key.id()))
                .isZero();

        assertThat(admin().exchange(path, HttpMethod.PUT, body, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(admin().exchange("/api/integrations/999999/scope", HttpMethod.PUT, body, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }
}
