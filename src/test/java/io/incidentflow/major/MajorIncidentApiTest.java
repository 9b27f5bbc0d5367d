package io.incidentflow.major;

import static io.incidentflow.Variables.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.Variables;
import io.incidentflow.incident.IncidentEventRepository;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.incident.process.IncidentVariables;
import io.incidentflow.security.Roles;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Declaring major incidents, experiments and the public status page over real HTTP. */
@IncidentFlowTest
class MajorIncidentApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;
    @Autowired IncidentDriver driver;
    @Autowired IncidentService incidents;
    @Autowired IncidentEventRepository timeline;

    @Test
    void theServiceDeskDeclaresAMajorIncident() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();

        ResponseEntity<JsonNode> declared = post(user("desk", Roles.SERVICE_DESK), "/api/incidents/" + id + "/major",
                "{\"reason\":\"All invoicing stopped\"}");

        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(declared.getBody().get("tier").asText()).isEqualTo("MAJOR");
        assertThat(declared.getBody().get("majorPhase").asText()).isEqualTo("triage");
        assertThat(declared.getBody().get("majorReason").asText()).endsWith("All invoicing stopped");
    }

    @Test
    void theIncidentsResolverGroupMayDeclareButAnotherGroupMayNot() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        long events = timeline.count();

        ResponseEntity<JsonNode> refused = post(user("web", "web-team"), "/api/incidents/" + id + "/major",
                "{\"reason\":\"Looks big\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("detail").asText()).contains("erp-team").contains("service desk");
        assertThat(incidents.get(id).getMajorPhase()).isNull();
        assertThat(timeline.count()).isEqualTo(events);
        assertThat(driver.instance(id)).isNotNull();
        assertThat(driver.task(id, IncidentModel.TASK_INITIAL_DIAGNOSIS)).isNotNull();

        assertThat(post(user("erp", "erp-team"), "/api/incidents/" + id + "/major", "{\"reason\":\"Looks big\"}")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void declaringWithoutAReasonIs400AndChangesNothing() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();

        ResponseEntity<JsonNode> refused = post(user("desk", Roles.SERVICE_DESK), "/api/incidents/" + id + "/major",
                "{\"reason\":\"  \"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(incidents.get(id).getMajorPhase()).isNull();
    }

    @Test
    void declaringAClosedOrAlreadyMajorIncidentIs409() {
        String id = driver.log("payments", Level.HIGH, Level.HIGH).getId();

        ResponseEntity<JsonNode> conflict = post(user("mim", Roles.MAJOR_INCIDENT_MANAGERS),
                "/api/incidents/" + id + "/major", "{\"reason\":\"again\"}");

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().get("detail").asText()).contains("already in major incident management");
    }

    @Test
    void unknownIncidentIs404() {
        assertThat(post(user("desk", Roles.SERVICE_DESK), "/api/incidents/INC-999999/major", "{\"reason\":\"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // also for a caller whose right depends on the incident's resolver group
        assertThat(post(user("erp", "erp-team"), "/api/incidents/INC-999999/major", "{\"reason\":\"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(user("erp", "erp-team"), "/api/incidents/INC-999999/experiments",
                "{\"hypothesis\":\"x\",\"action\":\"y\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void experimentsNeedAnActiveMajorIncidentAndAResponder() {
        String id = driver.log("payments", Level.HIGH, Level.HIGH).getId();
        String hypothesis = "{\"hypothesis\":\"Expired certificate\",\"action\":\"Check the chain\"}";

        assertThat(post(user("comms", Roles.COMMUNICATIONS), "/api/incidents/" + id + "/experiments", hypothesis)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> inTriage = post(user("triage", Roles.TRIAGE_TEAM),
                "/api/incidents/" + id + "/experiments", hypothesis);
        assertThat(inTriage.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> missing = post(user("triage", Roles.TRIAGE_TEAM),
                "/api/incidents/" + id + "/experiments", "{\"hypothesis\":\"x\"}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").findValuesAsText("field")).containsExactly("action");

        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS),
                Variables.of(value(MajorIncidentVariables.TRIAGE_DECISION, "activate")));
        ResponseEntity<JsonNode> started = post(user("pay", "payments-team"), "/api/incidents/" + id + "/experiments",
                hypothesis);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("hypothesis").asText()).isEqualTo("Expired certificate");
        JsonNode listed = anonymous.withBasicAuth(user("audit", Roles.AUDITORS), TestUsers.password(user("audit", Roles.AUDITORS)))
                .getForObject("/api/incidents/" + id + "/experiments", JsonNode.class);
        assertThat(listed).hasSize(1);
        assertThat(driver.tasks(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_RUN_EXPERIMENT)).hasSize(1);
    }

    @Test
    void statusPageShowsAnActiveMajorIncidentWithItsLatestImpactedUsersUpdateUntilRestored() {
        String id = driver.log("payments", Level.HIGH, Level.HIGH).getId();
        assertThat(statusPage()).doesNotContain(id);
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS),
                Variables.of(value(MajorIncidentVariables.TRIAGE_DECISION, "activate")));
        driver.fire(id, MajorIncidentModel.EVENT_STAKEHOLDER_UPDATE_DUE);
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_WRITE_STAKEHOLDER_UPDATE),
                Map.of("updateTechnicalStaff", "t", "updateBusiness", "b", "updateKeyCustomers", "k",
                        "updateImpactedUsers", "Card payments <fail>; pay by invoice meanwhile."));

        String page = statusPage();
        assertThat(page).contains("Online payments").contains(id).contains("Major disruption")
                .contains("Card payments &lt;fail&gt;; pay by invoice meanwhile.").doesNotContain("<fail>");
        JsonNode json = anonymous.getForObject("/status", JsonNode.class);
        JsonNode payments = findService(json, "payments");
        assertThat(payments.get("operational").asBoolean()).isFalse();
        assertThat(disruption(payments, id).get("latestUpdate").asText()).startsWith("Card payments");

        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_ASSIGN_ROLES),
                Variables.of(value(MajorIncidentVariables.INCIDENT_COMMANDER, "admin"), value(MajorIncidentVariables.COMMUNICATIONS_LEAD, "admin")));
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_RESTORE_SERVICE),
                Variables.of(value(IncidentVariables.RESOLUTION_TYPE, "fix"), value(IncidentVariables.RESOLUTION_NOTES, "Gateway restarted")));

        assertThat(statusPage()).doesNotContain(id);
        assertThat(findService(anonymous.getForObject("/status", JsonNode.class), "payments").get("disruptions"))
                .noneMatch(d -> d.get("incidentId").asText().equals(id));
    }

    private String statusPage() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = anonymous.exchange("/status", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    /** Other tests leave major incidents on the same service: pick this test's. */
    private static JsonNode disruption(JsonNode service, String incidentId) {
        for (JsonNode disruption : service.get("disruptions")) {
            if (disruption.get("incidentId").asText().equals(incidentId)) {
                return disruption;
            }
        }
        throw new AssertionError("no disruption " + incidentId + " on " + service);
    }

    private static JsonNode findService(JsonNode services, String id) {
        for (JsonNode service : services) {
            if (service.get("serviceId").asText().equals(id)) {
                return service;
            }
        }
        throw new AssertionError("no service " + id + " on the status page");
    }

    private ResponseEntity<JsonNode> post(String userId, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous.withBasicAuth(userId, TestUsers.password(userId)).postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    private String user(String prefix, String group) {
        return TestUsers.ensure(identity, prefix + "-api-major", group);
    }
}
