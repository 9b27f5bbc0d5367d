package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests a stranger, a wrong role or a broken client sends to the API and the engine REST API:
 * unauthenticated, wrong group, malformed, oversized, injection strings in fields that have a format.
 * Each is answered 4xx — never 5xx — and changes nothing: no row in any of the application's tables or
 * the engine's runtime, deployment and identity tables. (Monitoring endpoints have their own set in the
 * ingest tests; free text such as a title is text, stored as sent and escaped where shown.)
 */
@IncidentFlowTest
class HostileRequestsTest {

    private static final List<String> TABLES = List.of("incident", "incident_event", "business_service",
            "problem_record", "incident_review", "notification", "ingest_integration", "ingest_event",
            "major_experiment", "stakeholder_update", "oncall_override", "page",
            "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RE_DEPLOYMENT", "ACT_ID_USER",
            "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION");
    private static final String SQL = "'; DROP TABLE incident; --";
    private static final String JUEL = "${jdbcTemplate.execute('DROP TABLE incident')}";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String JNDI = "${jndi:ldap://127.0.0.1:1389/a}";
    private static final String NEWLINES = "INC-1\r\nFAKE LOG LINE";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "hostile-desk", Roles.SERVICE_DESK);
        TestUsers.ensure(identityService, "hostile-auditor", Roles.AUDITORS);
        TestUsers.ensure(identityService, "hostile-owner", Roles.PROCESS_OWNERS);
    }

    static String incident(String field, String value) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("title", "Printer on fire", "caller", "jane",
                "serviceId", "payments", "category", "hardware", "impact", "low", "urgency", "low"));
        body.put(field, value);
        StringBuilder json = new StringBuilder("{");
        body.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v == null ? "null" : '"' + v.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\r", "\\r").replace("\n", "\\n") + '"'));
        return json.append('}').toString();
    }

    static Stream<Arguments> hostileRequests() {
        String desk = "hostile-desk";
        String auditor = "hostile-auditor";
        String owner = "hostile-owner";
        return Stream.of(
                // nobody
                request("anonymous logs an incident", null, "POST", "/api/incidents", incident("title", "x")),
                request("anonymous lists incidents", null, "GET", "/api/incidents", null),
                request("anonymous changes the catalog", null, "POST", "/api/services", "{\"id\":\"x\"}"),
                request("anonymous invokes continuity", null, "POST", "/api/continuity/invocations", "{\"serviceIds\":[\"payments\"],\"reason\":\"x\"}"),
                request("anonymous creates an integration key", null, "POST", "/api/integrations", "{\"name\":\"x\",\"serviceId\":\"payments\"}"),
                request("anonymous starts a process over engine REST", null, "POST", "/engine-rest/process-definition/key/incident/start", "{}"),
                request("anonymous reads engine variables", null, "GET", "/engine-rest/variable-instance", null),
                request("wrong password", "hostile-desk:wrong", "GET", "/api/incidents", null),
                // the wrong role
                request("auditor logs an incident", auditor, "POST", "/api/incidents", incident("title", "x")),
                request("service desk changes the catalog", desk, "POST", "/api/services", "{\"id\":\"evil\",\"name\":\"Evil\"}"),
                request("service desk invokes continuity", desk, "POST", "/api/continuity/invocations", "{\"serviceIds\":[\"payments\"],\"reason\":\"x\"}"),
                request("service desk creates an integration key", desk, "POST", "/api/integrations", "{\"name\":\"x\",\"serviceId\":\"payments\"}"),
                request("service desk overrides on-call", desk, "POST", "/api/oncall/service-desk/overrides", "{\"level\":1,\"personId\":\"x\",\"from\":\"2030-01-01T00:00:00Z\",\"until\":\"2030-01-02T00:00:00Z\",\"reason\":\"x\"}"),
                request("process owner invokes continuity", owner, "POST", "/api/continuity/invocations", "{\"serviceIds\":[\"payments\"],\"reason\":\"x\"}"),
                request("service desk deploys a model", desk, "POST", "/engine-rest/deployment/create", null),
                request("process owner deploys without a file", owner, "POST", "/engine-rest/deployment/create", "{}"),
                request("service desk creates a user over engine REST", desk, "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"),
                request("service desk adds itself to the admins", desk, "PUT", "/engine-rest/group/camunda-admin/members/hostile-desk", null),
                request("service desk starts an incident by its start message", desk, "POST", "/engine-rest/message",
                        "{\"messageName\":\"CriticalEventReceived\",\"businessKey\":\"INC-999997\"}"),
                request("service desk grants itself everything", desk, "POST", "/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"hostile-desk\",\"resourceType\":0,\"resourceId\":\"*\"}"),
                // malformed
                request("body is not JSON", desk, "POST", "/api/incidents", "{"),
                request("body is an array", desk, "POST", "/api/incidents", "[]"),
                request("body is empty", desk, "POST", "/api/incidents", ""),
                request("unknown impact", desk, "POST", "/api/incidents", incident("impact", "EXTREME")),
                request("title missing", desk, "POST", "/api/incidents", incident("title", null)),
                request("title too long", desk, "POST", "/api/incidents", incident("title", "x".repeat(201))),
                request("description too long", desk, "POST", "/api/incidents", incident("description", "x".repeat(4001))),
                request("2 MB body", desk, "POST", "/api/incidents", incident("description", "x".repeat(2 * 1024 * 1024))),
                request("unknown service", desk, "POST", "/api/incidents", incident("serviceId", "no-such-service")),
                request("unknown incident", desk, "GET", "/api/incidents/INC-999999", null),
                request("unknown state filter", desk, "GET", "/api/incidents?state=EXPLODED", null),
                // injection strings in fields that have a format
                request("SQL in the category", desk, "POST", "/api/incidents", incident("category", SQL)),
                request("SQL in the service", desk, "POST", "/api/incidents", incident("serviceId", SQL)),
                request("expression in the service", desk, "POST", "/api/incidents", incident("serviceId", JUEL)),
                request("markup in the service", desk, "POST", "/api/incidents", incident("serviceId", SCRIPT)),
                request("JNDI lookup in the service", desk, "POST", "/api/incidents", incident("serviceId", JNDI)),
                request("line breaks in the service", desk, "POST", "/api/incidents", incident("serviceId", NEWLINES)),
                request("SQL in the urgency", desk, "POST", "/api/incidents", incident("urgency", SQL)),
                request("path traversal as incident id", desk, "GET", "/api/incidents/..%2F..%2Fetc%2Fpasswd", null),
                request("SQL as incident id", desk, "GET", "/api/incidents/INC-1'%20OR%20'1'='1", null),
                request("SQL in the priority filter", desk, "GET", "/api/incidents?priority=P1'%20OR%201=1--", null),
                request("expression as continuity service", "hostile-continuity", "POST", "/api/continuity/invocations",
                        "{\"serviceIds\":[\"" + JUEL.replace("'", "\\u0027") + "\"],\"reason\":\"x\"}"),
                request("markup as a catalog id", owner, "POST", "/api/services", "{\"id\":\"" + SCRIPT + "\",\"name\":\"x\"}"),
                request("not a date in an override", owner, "POST", "/api/oncall/service-desk/overrides",
                        "{\"level\":1,\"personId\":\"x\",\"from\":\"" + SQL + "\",\"until\":\"tomorrow\",\"reason\":\"x\"}"),
                request("expression as a major incident reason on an unknown incident", desk, "POST", "/api/incidents/INC-999999/major",
                        "{\"reason\":\"" + JUEL.replace("'", "\\u0027") + "\"}"));
    }

    private static Arguments request(String what, String user, String method, String path, String body) {
        return Arguments.of(what, user, method, path, body);
    }

    @ParameterizedTest(name = "{0}: 4xx, nothing stored")
    @MethodSource("hostileRequests")
    void isRefusedAndChangesNothing(String what, String user, String method, String path, String body) throws Exception {
        if ("hostile-continuity".equals(user)) {
            TestUsers.ensure(identityService, user, Roles.CONTINUITY_MANAGERS);
        }
        Map<String, Long> before = rowCounts();

        HttpResponse<String> response = send(user, method, path, body);

        assertThat(response.statusCode()).as(what + " → " + response.body()).isBetween(400, 499);
        assertThat(rowCounts()).as(what + " changed stored data").isEqualTo(before);
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String[] credentials = user.contains(":") ? user.split(":", 2) : new String[] {user, TestUsers.password(user)};
            request.header("Authorization", SecurityTestSupport.basic(credentials[0], credentials[1]));
        }
        return SecurityTestSupport.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
