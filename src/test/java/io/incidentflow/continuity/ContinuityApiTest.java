package io.incidentflow.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/continuity/invocations} over real HTTP: direct invocation by continuity managers only. */
@IncidentFlowTest
class ContinuityApiTest {

    private static final String VALID = """
            {"serviceIds":["payments","core-network"],"reason":"Primary data centre lost power"}""";

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired ProcessEngine engine;
    @Autowired ContinuityDriver driver;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @Test
    void continuityManagerInvokesDirectly() {
        ResponseEntity<JsonNode> created = post(as(Roles.CONTINUITY_MANAGERS), VALID);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("invocationId").asText();
        assertThat(id).matches("DR-\\d{6}");
        assertThat(driver.instance(id)).isWaitingAt(ContinuityModel.TASK_APPROVE_INVOCATION)
                .variables().containsEntry("invocationReason", "Primary data centre lost power")
                .containsEntry("invocationId", id)
                .doesNotContainKey("incidentId");
        assertThat((String) runtime.getVariable(driver.instance(id).getId(), "recoveryAssessment"))
                .contains("payments (Online payments", "core-network (Core network");
    }

    @Test
    void othersMayNotInvoke() {
        long before = invocations();
        for (String group : new String[] {Roles.SERVICE_DESK, Roles.DR_TEAM, Roles.MAJOR_INCIDENT_MANAGERS,
                Roles.PROCESS_OWNERS}) {
            ResponseEntity<JsonNode> refused = post(as(group), VALID);
            assertThat(refused.getStatusCode()).as(group).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("status").asInt()).isEqualTo(403);
        }
        assertThat(post(anonymous, VALID).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(invocations()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "unknown service     | serviceIds | {\"serviceIds\":[\"payments\",\"atlantis\"],\"reason\":\"Flood\"}",
            "no service          | serviceIds | {\"serviceIds\":[],\"reason\":\"Flood\"}",
            "service twice       | serviceIds | {\"serviceIds\":[\"erp\",\"erp\"],\"reason\":\"Flood\"}",
            "services not a list | serviceIds | {\"serviceIds\":\"erp\",\"reason\":\"Flood\"}",
            "missing reason      | reason     | {\"serviceIds\":[\"erp\"]}",
            "blank reason        | reason     | {\"serviceIds\":[\"erp\"],\"reason\":\" \"}",
    })
    void badInputIsRefusedAndNothingIsStarted(String name, String field, String body) {
        long before = invocations();

        ResponseEntity<JsonNode> refused = post(as(Roles.CONTINUITY_MANAGERS), body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        assertThat(invocations()).isEqualTo(before);
    }

    private long invocations() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ContinuityModel.PROCESS_KEY).count();
    }

    private TestRestTemplate as(String group) {
        String user = TestUsers.ensure(identity, "invoker-" + group, group);
        return anonymous.withBasicAuth(user, TestUsers.password(user));
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate http, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/continuity/invocations", new HttpEntity<>(json, headers), JsonNode.class);
    }
}
