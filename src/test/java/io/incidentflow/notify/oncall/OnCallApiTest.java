package io.incidentflow.notify.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
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
 * {@code GET /api/oncall/{group}?at=} over real HTTP. erp-team (test-schedules.yaml): level 1 alice and bob
 * take turns weekly at 09:00 Berlin time from Monday 2026-01-05, level 2 carol and dave.
 */
@IncidentFlowTest
class OnCallApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;
    @Autowired OnCallOverrideRepository overrides;

    TestRestTemplate agent;
    TestRestTemplate owner;

    @BeforeEach
    void users() {
        agent = anonymous.withBasicAuth(user("oncall-agent", "service-desk"), "pw");
        owner = anonymous.withBasicAuth(user("oncall-owner", "process-owners"), "pw");
        overrides.deleteAll();
    }

    @Test
    void handoffAtNineBerlinTimeInWinter() {
        // 2026-03-02 is a Monday, 8 weeks after the start: alice's week begins at 09:00 CET = 08:00Z
        JsonNode before = onCall("2026-03-02T07:59:59Z");
        JsonNode after = onCall("2026-03-02T08:00:00Z");

        assertThat(level(before, 1).get("person").get("id").asText()).isEqualTo("bob");
        assertThat(level(after, 1).get("person").get("id").asText()).isEqualTo("alice");
        assertThat(level(after, 1).get("from").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(level(after, 1).get("until").asText()).isEqualTo("2026-03-09T08:00:00Z");
        assertThat(level(after, 2).get("person").get("id").asText()).isEqualTo("carol");
        assertThat(after.get("lead").get("id").asText()).isEqualTo("erp-lead");
        assertThat(after.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(after.get("wholeGroup")).extracting(p -> p.get("id").asText())
                .contains("alice", "bob", "carol", "dave", "erp-lead");
    }

    @Test
    void handoffStaysAtNineLocalTimeAfterTheChangeToSummerTime() {
        // Berlin moves to CEST on 2026-03-29: the Monday 09:00 handoff is now 07:00Z
        assertThat(level(onCall("2026-03-30T06:59:59Z"), 1).get("person").get("id").asText()).isEqualTo("bob");
        assertThat(level(onCall("2026-03-30T07:00:00Z"), 1).get("person").get("id").asText()).isEqualTo("alice");
    }

    @Test
    void overrideCoversALevelForItsTimeOnly() {
        ResponseEntity<JsonNode> created = owner.postForEntity("/api/oncall/erp-team/overrides", json("""
                {"level":1,"personId":"dave","from":"2026-03-03T12:00:00Z","until":"2026-03-04T12:00:00Z",
                 "reason":"alice at the dentist"}"""), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("createdBy").asText()).isEqualTo("oncall-owner");

        JsonNode covered = onCall("2026-03-03T13:00:00Z");
        assertThat(level(covered, 1).get("person").get("id").asText()).isEqualTo("dave");
        assertThat(level(covered, 1).get("overrideId").asLong()).isEqualTo(id);
        assertThat(level(covered, 2).get("person").get("id").asText()).isEqualTo("carol");
        assertThat(level(onCall("2026-03-04T12:00:00Z"), 1).get("person").get("id").asText()).isEqualTo("alice");

        assertThat(owner.exchange("/api/oncall/erp-team/overrides/" + id, HttpMethod.DELETE, null, Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(level(onCall("2026-03-03T13:00:00Z"), 1).get("person").get("id").asText()).isEqualTo("alice");
    }

    @Test
    void onlyProcessOwnersAndAdministratorsChangeSchedules() {
        ResponseEntity<JsonNode> refused = agent.postForEntity("/api/oncall/erp-team/overrides", json("""
                {"level":1,"personId":"dave","from":"2026-03-03T12:00:00Z","until":"2026-03-04T12:00:00Z"}"""),
                JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("detail").asText()).contains("oncall-agent");
        assertThat(overrides.count()).isZero();
    }

    @Test
    void badOverrideIsRefusedNamingEachFieldAndNothingIsStored() {
        ResponseEntity<JsonNode> refused = owner.postForEntity("/api/oncall/erp-team/overrides", json("""
                {"level":3,"personId":"nobody","from":"2026-03-04T12:00:00Z","until":"2026-03-03T12:00:00Z"}"""),
                JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("level", "personId", "until");
        assertThat(owner.postForEntity("/api/oncall/erp-team/overrides", json("{\"level\":1}"), JsonNode.class)
                .getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("from", "personId", "until");
        assertThat(overrides.count()).isZero();
    }

    @Test
    void unknownGroupAndBadInstantAreClearErrors() {
        assertThat(agent.getForEntity("/api/oncall/no-such-team", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> bad = agent.getForEntity("/api/oncall/erp-team?at=yesterday", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("at");
    }

    private JsonNode onCall(String at) {
        ResponseEntity<JsonNode> answer = agent.getForEntity("/api/oncall/erp-team?at=" + at, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode level(JsonNode onCall, int level) {
        JsonNode shift = onCall.get("levels").get(level - 1);
        assertThat(shift.get("level").asInt()).isEqualTo(level);
        return shift;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private String user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword("pw");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
        return id;
    }
}
