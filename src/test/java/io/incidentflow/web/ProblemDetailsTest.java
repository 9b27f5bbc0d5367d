package io.incidentflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.security.Roles;
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

/**
 * Every kind of API error is an RFC 9457 problem ({@code application/problem+json}) with its stable type, the
 * status, and for bad input the fields ({@code errors[].field}); the 429 of the login throttle is in
 * {@code ApiSecurityTest} (it needs a client address of its own).
 */
@IncidentFlowTest
class ProblemDetailsTest {

    private static final String VALID_INCIDENT = """
            {"title":"Checkout fails with 502","caller":"jane.doe","serviceId":"erp","category":"software",
             "impact":"medium","urgency":"medium"}""";

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;
    @Autowired IncidentDriver driver;

    @Test
    void invalidFieldsAre400InvalidInputNamingEachField() {
        ResponseEntity<JsonNode> response = send(desk(), HttpMethod.POST, "/api/incidents",
                MediaType.APPLICATION_JSON, """
                        {"title":" ","caller":"jane.doe","serviceId":"erp","category":"software","impact":"huge"}""");

        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(problem.get("errors").findValuesAsText("field")).contains("impact");
        assertThat(problem.get("errors").get(0).get("reason").asText()).isNotBlank();
    }

    @Test
    void bothBeanValidationAndDomainChecksNameTheirFields() {
        JsonNode blank = assertProblem(send(desk(), HttpMethod.POST, "/api/incidents", MediaType.APPLICATION_JSON,
                VALID_INCIDENT.replace("Checkout fails with 502", " ")), HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(blank.get("errors").findValuesAsText("field")).containsExactly("title");

        JsonNode unknownService = assertProblem(send(desk(), HttpMethod.POST, "/api/incidents",
                MediaType.APPLICATION_JSON, VALID_INCIDENT.replace("\"erp\"", "\"atlantis\"")),
                HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(unknownService.get("errors").findValuesAsText("field")).containsExactly("serviceId");
    }

    @Test
    void badQueryParameterIs400NamingTheParameter() {
        JsonNode problem = assertProblem(send(desk(), HttpMethod.GET, "/api/incidents?priority=P9", null, null),
                HttpStatus.BAD_REQUEST, "invalid-input");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("priority");
    }

    @Test
    void malformedJsonIs400MalformedRequest() {
        JsonNode problem = assertProblem(send(desk(), HttpMethod.POST, "/api/incidents", MediaType.APPLICATION_JSON,
                "{\"title\": "), HttpStatus.BAD_REQUEST, "malformed-request");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void otherMediaTypeIs415() {
        assertProblem(send(desk(), HttpMethod.POST, "/api/incidents", MediaType.TEXT_PLAIN, "Checkout fails"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    @Test
    void unsupportedMethodIs405() {
        assertProblem(send(desk(), HttpMethod.DELETE, "/api/incidents", null, null),
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @Test
    void unknownThingAndUnknownPathAre404() {
        JsonNode unknownIncident = assertProblem(send(desk(), HttpMethod.GET, "/api/incidents/INC-999999", null, null),
                HttpStatus.NOT_FOUND, "not-found");
        assertThat(unknownIncident.get("detail").asText()).contains("INC-999999");
        assertThat(unknownIncident.get("instance").asText()).isEqualTo("/api/incidents/INC-999999");

        assertProblem(send(desk(), HttpMethod.GET, "/api/no-such-endpoint", null, null), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void stateThatDoesNotAllowItIs409Conflict() {
        String id = driver.log("payments", Level.HIGH, Level.HIGH).getId();

        assertProblem(send(user("problem-mim", Roles.MAJOR_INCIDENT_MANAGERS), HttpMethod.POST,
                "/api/incidents/" + id + "/major", MediaType.APPLICATION_JSON, "{\"reason\":\"again\"}"),
                HttpStatus.CONFLICT, "conflict");
    }

    @Test
    void refusalByTheDomainIs403NotAllowed() {
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();

        JsonNode problem = assertProblem(send(user("problem-web", "web-team"), HttpMethod.POST,
                "/api/incidents/" + id + "/major", MediaType.APPLICATION_JSON, "{\"reason\":\"Looks big\"}"),
                HttpStatus.FORBIDDEN, "not-allowed");
        assertThat(problem.get("detail").asText()).contains("erp-team");
    }

    @Test
    void missingRoleIs403AccessDeniedNamingTheAllowedRoles() {
        JsonNode problem = assertProblem(send(desk(), HttpMethod.GET, "/api/integrations", null, null),
                HttpStatus.FORBIDDEN, "access-denied");
        assertThat(problem.get("detail").asText()).contains("allowed: " + Roles.CAMUNDA_ADMIN);
    }

    @Test
    void anonymousIs401Unauthenticated() {
        assertProblem(send(anonymous, HttpMethod.POST, "/api/incidents", MediaType.APPLICATION_JSON, VALID_INCIDENT),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(send(anonymous, HttpMethod.GET, "/cockpit-api/incidents/INC-000001/timeline", null, null),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Test
    void apiDescriptionHasTheProblemSchemaAndOperationsReferToIt() {
        JsonNode api = anonymous.getForObject("/api-docs", JsonNode.class);

        JsonNode problem = api.at("/components/schemas/" + OpenApiProblemCustomizer.PROBLEM);
        assertThat(problem.at("/properties/type/enum")).extracting(JsonNode::asText)
                .contains(ProblemType.BASE + "invalid-input", ProblemType.BASE + "not-found");
        assertThat(problem.at("/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/" + OpenApiProblemCustomizer.FIELD_PROBLEM);
        assertThat(api.at("/paths/~1api~1incidents/post/responses/400/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/" + OpenApiProblemCustomizer.PROBLEM);
        assertThat(api.at("/paths/~1api~1incidents~1{id}/get/responses/404/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/" + OpenApiProblemCustomizer.PROBLEM);
        assertThat(api.at("/paths/~1api~1events~1v2~1enqueue/post/responses/400/content/application~1problem+json")
                .isMissingNode()).isTrue();
    }

    private static JsonNode assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String kind) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        JsonNode problem = response.getBody();
        assertThat(problem.get("type").asText()).isEqualTo(ProblemType.BASE + kind);
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private ResponseEntity<JsonNode> send(TestRestTemplate client, HttpMethod method, String path, MediaType type,
                                          String body) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private TestRestTemplate desk() {
        return user("problem-desk", Roles.SERVICE_DESK);
    }

    private TestRestTemplate user(String userId, String... groups) {
        TestUsers.ensure(identity, userId, groups);
        return anonymous.withBasicAuth(userId, TestUsers.password(userId));
    }
}
