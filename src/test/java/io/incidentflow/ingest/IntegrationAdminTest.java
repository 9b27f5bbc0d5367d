package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.security.AdminProperties;
import io.incidentflow.security.Roles;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/integrations: camunda-admin creates a key per catalog service, sees it once, may revoke it. */
@IncidentFlowTest
class IntegrationAdminTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired IdentityService identity;
    @Autowired AdminProperties adminProperties;
    IngestClient client;

    @BeforeEach
    void init() {
        client = new IngestClient(http, jdbc, incidents);
    }

    /** A Camunda user in the service-desk group (not an admin); its password is its id. */
    private TestRestTemplate agent() {
        String id = "ingest-agent-" + IngestClient.unique();
        User user = identity.newUser(id);
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, Roles.SERVICE_DESK);
        return http.withBasicAuth(id, id);
    }

    private ResponseEntity<JsonNode> create(TestRestTemplate as, Object body) {
        return as.postForEntity("/api/integrations", body, JsonNode.class);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth(adminProperties.userId(), adminProperties.password());
    }

    @Test
    void adminCreatesAKeyThatIsShownOnceAndStoredHashed() {
        ResponseEntity<JsonNode> created = create(admin(), Map.of("name", "Prometheus ERP", "serviceId", "erp"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = created.getBody();
        String key = body.get("key").asText();
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(body.get("serviceId").asText()).isEqualTo("erp");
        assertThat(body.get("createdBy").asText()).isEqualTo(adminProperties.userId());
        assertThat(body.get("keyHint").asText()).startsWith(key.substring(0, 4));
        long id = body.get("id").asLong();
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/integrations/" + id);

        assertThat(jdbc.queryForObject("select key_sha256 from ingest_integration where id = ?", String.class, id))
                .isEqualTo(IntegrationKeys.sha256(key)).isNotEqualTo(key);
        assertThat(jdbc.queryForObject("select count(*) from ingest_integration where key_sha256 = ?", Integer.class, key))
                .isZero();
        JsonNode list = admin().getForEntity("/api/integrations", JsonNode.class).getBody();
        assertThat(list.toString()).contains("Prometheus ERP").doesNotContain(key);

        // the key works on both endpoints
        assertThat(client.alertmanager("Bearer " + key, IngestClient.fixture("alertmanager-firing.json"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(client.pagerduty(IngestClient.fixture("pagerduty-trigger.json",
                Map.of("routing_key", key, "suffix", IngestClient.unique()))).getStatusCode().value()).isEqualTo(202);

        // revoked: refused from now on
        assertThat(admin().exchange("/api/integrations/" + id, HttpMethod.DELETE, HttpEntity.EMPTY, Void.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(client.alertmanager("Bearer " + key, IngestClient.fixture("alertmanager-firing.json"))
                .getStatusCode().value()).isEqualTo(401);
        assertThat(client.pagerduty(IngestClient.fixture("pagerduty-trigger.json",
                Map.of("routing_key", key, "suffix", IngestClient.unique()))).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aKeyRevokedOnAnotherNodeIsRefusedHereWithinTheKeyCacheTime() {
        IngestClient.Key key = client.integration("erp");
        String body = IngestClient.fixture("pagerduty-trigger.json", Map.of("routing_key", key.key(), "suffix",
                IngestClient.unique()));
        assertThat(client.pagerduty(body).getStatusCode().value()).isEqualTo(202);

        // another node's revocation: only the database changes here
        jdbc.update("update ingest_integration set revoked_at = current_timestamp where id = ?", key.id());

        Awaitility.await().atMost(IntegrationRepository.KEY_CACHE_TIME.plusSeconds(5))
                .until(() -> client.pagerdutyAnsweredOnly(body).getStatusCode().value() == 400);
    }

    @Test
    void onlyCamundaAdminsManageKeys() {
        Map<String, String> body = Map.of("name", "Prometheus ERP", "serviceId", "erp");
        assertThat(create(http, body).getStatusCode().value()).isEqualTo(401);
        TestRestTemplate agent = agent();
        ResponseEntity<JsonNode> denied = create(agent, body);
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        assertThat(denied.getBody().get("detail").asText()).contains("camunda-admin");
        assertThat(agent.getForEntity("/api/integrations", JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(adminProperties.userId(), "wrong-password")
                .getForEntity("/api/integrations", JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void unknownServiceOrMissingNameIs400() {
        ResponseEntity<JsonNode> unknown = create(admin(), Map.of("name", "x", "serviceId", "no-such-service"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("serviceId");
        ResponseEntity<JsonNode> noName = create(admin(), Map.of("serviceId", "erp"));
        assertThat(noName.getStatusCode().value()).isEqualTo(400);
        assertThat(noName.getBody().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(admin().exchange("/api/integrations/999999", HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }
}
