package io.incidentflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.security.Roles;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Catalog changes through {@code /api/services} over real HTTP: who may, and what is refused. */
@IncidentFlowTest
class CatalogApiTest {

    private static final String VALID = """
            {"id":"%s","name":"Payroll","criticality":"supporting","continuityTier":"warm","rtoMinutes":240,
             "rpoMinutes":60,"resolverGroup":"payroll-team","onCallSchedule":"payroll-oncall",
             "vendorContact":"Payroll vendor desk","businessOwner":"Head of HR","lastDrTest":"2025-03-01"}""";

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;
    @Autowired ServiceCatalog catalog;

    TestRestTemplate owner;
    TestRestTemplate admin;
    TestRestTemplate desk;

    @BeforeEach
    void users() {
        owner = as(Roles.PROCESS_OWNERS);
        admin = as(Roles.CAMUNDA_ADMIN);
        desk = as(Roles.SERVICE_DESK);
    }

    @Test
    void processOwnersAddAndChangeServices() {
        String id = newId();
        ResponseEntity<JsonNode> created = send(owner, HttpMethod.POST, "/api/services", VALID.formatted(id));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/services/" + id);
        assertThat(created.getBody().get("criticality").asText()).isEqualTo("supporting");
        assertThat(identity.createGroupQuery().groupId("payroll-team").count()).isEqualTo(1);

        String changed = VALID.formatted(id).replace("\"warm\"", "\"hot\"").replace("240", "30");
        ResponseEntity<JsonNode> updated = send(admin, HttpMethod.PUT, "/api/services/" + id, changed);

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        BusinessService stored = catalog.get(id);
        assertThat(stored.getContinuityTier()).isEqualTo(ContinuityTier.HOT);
        assertThat(stored.getRtoMinutes()).isEqualTo(30);
        assertThat(owner.getForObject("/api/services/" + id, JsonNode.class).get("continuityTier").asText())
                .isEqualTo("hot");
    }

    @Test
    void othersMayNotChangeTheCatalog() {
        String id = newId();
        assertThat(send(desk, HttpMethod.POST, "/api/services", VALID.formatted(id)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(catalog.find(id)).isEmpty();

        ResponseEntity<JsonNode> put = send(as(Roles.CONTINUITY_MANAGERS), HttpMethod.PUT, "/api/services/erp",
                VALID.formatted("erp"));
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put.getBody().get("status").asInt()).isEqualTo(403);
        assertThat(catalog.get("erp").getName()).isEqualTo("ERP (finance and supply chain)");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "unknown criticality      | criticality    | \"supporting\"       | \"vital\"",
            "unknown continuity tier  | continuityTier | \"warm\"             | \"lukewarm\"",
            "negative RTO             | rtoMinutes     | \"rtoMinutes\":240   | \"rtoMinutes\":-1",
            "negative RPO             | rpoMinutes     | \"rpoMinutes\":60    | \"rpoMinutes\":-5",
            "RTO not a number         | rtoMinutes     | \"rtoMinutes\":240   | \"rtoMinutes\":\"soon\"",
            "missing name             | name           | \"name\":\"Payroll\",| ",
            "bad date                 | lastDrTest     | \"2025-03-01\"       | \"March 2025\"",
            "unknown field            | colour         | \"name\":\"Payroll\" | \"name\":\"Payroll\",\"colour\":\"red\"",
            "field continuity writes  | lessonsLearned | \"name\":\"Payroll\" | \"name\":\"Payroll\",\"lessonsLearned\":\"x\"",
            "role group as resolvers  | resolverGroup  | \"payroll-team\"     | \"auditors\"",
            "bad id                   | id             | \"id\":\"           | \"id\":\"Not An Id ",
    })
    void badInputIsRefusedNamingTheFieldAndNothingIsStored(String name, String field, String valid, String bad) {
        String id = newId();
        String body = VALID.formatted(id).replace(valid, bad == null ? "" : bad);

        ResponseEntity<JsonNode> created = send(owner, HttpMethod.POST, "/api/services", body);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(created.getBody().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        assertThat(catalog.find(id)).isEmpty();
        assertThat(catalog.all()).noneMatch(s -> s.getId().startsWith("Not An Id"));
    }

    @Test
    void badChangeLeavesTheServiceAsItWas() {
        String body = VALID.formatted("email").replace("\"warm\"", "\"tepid\"");

        ResponseEntity<JsonNode> put = send(owner, HttpMethod.PUT, "/api/services/email", body);

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put.getBody().get("errors").get(0).get("field").asText()).isEqualTo("continuityTier");
        assertThat(put.getBody().get("errors").get(0).get("reason").asText()).contains("hot, warm, cold, rebuild");
        BusinessService email = catalog.get("email");
        assertThat(email.getName()).isEqualTo("Email and calendar");
        assertThat(email.getContinuityTier()).isEqualTo(ContinuityTier.WARM);

        ResponseEntity<JsonNode> negative = send(owner, HttpMethod.PUT, "/api/services/email",
                VALID.formatted("email").replace("\"rtoMinutes\":240", "\"rtoMinutes\":-1")
                        .replace("\"rpoMinutes\":60", "\"rpoMinutes\":-1"));
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("rpoMinutes", "rtoMinutes");
        assertThat(catalog.get("email").getRtoMinutes()).isEqualTo(240);
    }

    @Test
    void changeOfAnotherIdOrAnUnknownServiceIsRefused() {
        ResponseEntity<JsonNode> mismatch = send(owner, HttpMethod.PUT, "/api/services/email", VALID.formatted("erp"));
        assertThat(mismatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mismatch.getBody().get("errors").get(0).get("field").asText()).isEqualTo("id");

        assertThat(send(owner, HttpMethod.PUT, "/api/services/no-such", VALID.formatted("no-such")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> twice = send(owner, HttpMethod.POST, "/api/services", VALID.formatted("erp"));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(catalog.get("erp").getName()).isEqualTo("ERP (finance and supply chain)");
    }

    private TestRestTemplate as(String group) {
        String user = TestUsers.ensure(identity, "catalog-" + group, group);
        return anonymous.withBasicAuth(user, TestUsers.password(user));
    }

    private static String newId() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate http, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
