package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.process.IncidentModel;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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

/** {@code /api/incidents} over real HTTP, as an authenticated service-desk agent. */
@IncidentFlowTest
class IncidentApiTest {

    private static final String AGENT = "api-agent";
    private static final String PASSWORD = "agent-secret";
    private static final String VALID = """
            {"title":"Checkout fails with 502","description":"Since 10:02","caller":"jane.doe","vipCaller":false,
             "serviceId":"erp","category":"software","impact":"medium","urgency":"medium"}""";

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired IncidentRepository incidents;
    @Autowired IncidentService incidentService;

    TestRestTemplate http;

    @BeforeEach
    void agent() {
        if (identity.createUserQuery().userId(AGENT).count() == 0) {
            User user = identity.newUser(AGENT);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(AGENT, "service-desk");
        }
        http = anonymous.withBasicAuth(AGENT, PASSWORD);
    }

    @Test
    void loggedIncidentIsPrioritizedAndWaitsInTasklistForTheServiceDesk() {
        ResponseEntity<JsonNode> created = post(VALID);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        assertThat(id).matches("INC-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/incidents/" + id);
        assertThat(created.getBody().get("priority").asText()).isEqualTo("P3");
        assertThat(created.getBody().get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(created.getBody().get("impact").asText()).isEqualTo("medium");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup("service-desk")
                .taskDefinitionKey(IncidentModel.TASK_INITIAL_DIAGNOSIS).count()).isEqualTo(1);

        JsonNode fetched = http.getForObject("/api/incidents/" + id, JsonNode.class);
        assertThat(fetched.get("title").asText()).isEqualTo("Checkout fails with 502");
        assertThat(fetched.get("resolverGroup").asText()).isEqualTo("erp-team");
        assertThat(fetched.get("resolutionDueAt").isNull()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "missing title          | title      | {\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}",
            "blank title            | title      | {\"title\":\" \",\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}",
            "unknown service        | serviceId  | {\"title\":\"t\",\"caller\":\"jane\",\"serviceId\":\"nope\",\"category\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}",
            "invalid impact         | impact     | {\"title\":\"t\",\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"software\",\"impact\":\"huge\",\"urgency\":\"low\"}",
            "invalid urgency        | urgency    | {\"title\":\"t\",\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"software\",\"impact\":\"low\",\"urgency\":\"7\"}",
            "missing impact         | impact     | {\"title\":\"t\",\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"software\",\"urgency\":\"low\"}",
            "unknown category       | category   | {\"title\":\"t\",\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"cosmic\",\"impact\":\"low\",\"urgency\":\"low\"}",
            "vipCaller not boolean  | vipCaller  | {\"title\":\"t\",\"caller\":\"jane\",\"vipCaller\":\"maybe\",\"serviceId\":\"erp\",\"category\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}",
            "title over 200 chars   | title      | {\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"caller\":\"jane\",\"serviceId\":\"erp\",\"category\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}"})
    void badInputIsRefusedNamingTheFieldAndNothingIsCreated(String reason, String field, String body) {
        long before = incidents.count();

        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(response.getBody().get("errors").get(0).get("reason").asText()).isNotBlank();
        assertThat(incidents.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() {
        long before = incidents.count();
        ResponseEntity<JsonNode> response = post("{\"title\": ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("not valid JSON");
        assertThat(incidents.count()).isEqualTo(before);
    }

    @Test
    void unknownIncidentIs404() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/incidents/INC-999999", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("detail").asText()).contains("INC-999999");
    }

    @Test
    void listFiltersByStateTierPriorityAndService() {
        String erp = post(VALID).getBody().get("id").asText();
        String portal = post(VALID.replace("\"erp\"", "\"service-portal\"").replace("medium", "low"))
                .getBody().get("id").asText();

        List<String> erpP3 = ids("/api/incidents?service=erp&priority=P3&state=IN_PROGRESS&tier=NORMAL");
        assertThat(erpP3).contains(erp).doesNotContain(portal);
        assertThat(ids("/api/incidents?service=service-portal")).contains(portal).doesNotContain(erp);
        assertThat(ids("/api/incidents?state=CLOSED")).doesNotContain(erp, portal);
    }

    @Test
    void invalidFilterIsRefusedNamingIt() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/incidents?state=SLEEPING", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("state");
        assertThat(response.getBody().get("errors").get(0).get("reason").asText()).contains("IN_PROGRESS");
    }

    @Test
    void timelineAsJsonAndCsv() {
        String id = post(VALID).getBody().get("id").asText();

        JsonNode timeline = http.getForObject("/api/incidents/" + id + "/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("type")).containsExactly("LOGGED", "CATEGORIZED", "PRIORITIZED");

        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv = http.exchange("/api/incidents/" + id + "/timeline", HttpMethod.GET,
                new HttpEntity<>(accept), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("occurredAt,type,actor,detail");
        assertThat(lines[1]).contains("LOGGED", "api-agent");
    }

    @Test
    void timelineCsvNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
        String id = post(VALID).getBody().get("id").asText();
        List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
                "\tcmd", "\rcmd");
        hostile.forEach(detail -> incidentService.noteModelEvent(id, "NOTE", detail));
        incidentService.noteModelEvent(id, "NOTE", "a - b = c");

        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        String csv = http.exchange("/api/incidents/" + id + "/timeline", HttpMethod.GET, new HttpEntity<>(accept),
                String.class).getBody();

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", ",\"'+1+1\"",
                ",\"'-2+3\"", ",\"'@SUM(A1)\"", ",\"'\tcmd\"", ",\"'\rcmd\"", ",\"a - b = c\"");
        assertThat(csv).doesNotContain(",\"=", ",\"+", ",\"-", ",\"@", ",\"\t", ",\"\r");
    }

    @Test
    void catalogIsListed() {
        JsonNode services = http.getForObject("/api/services", JsonNode.class);

        assertThat(services.findValuesAsText("id")).contains("payments", "erp", "intranet");
        JsonNode payments = http.getForObject("/api/services/payments", JsonNode.class);
        assertThat(payments.get("criticality").asText()).isEqualTo("mission-critical");
        assertThat(payments.get("continuityTier").asText()).isEqualTo("hot");
        assertThat(http.getForEntity("/api/services/nope", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/incidents", new HttpEntity<>(json, headers), JsonNode.class);
    }

    private List<String> ids(String url) {
        return http.getForObject(url, JsonNode.class).findValuesAsText("id");
    }
}
