package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.basic;
import static io.incidentflow.security.SecurityTestSupport.createUser;
import static io.incidentflow.security.SecurityTestSupport.get;
import static io.incidentflow.security.SecurityTestSupport.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    AdminProperties adminProperties;

    @Autowired
    CamundaIdentityAuthenticationProvider authenticationProvider;

    @Autowired
    LoginThrottleProperties throttleProperties;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void engineRestIsNotAnonymous() throws Exception {
        assertThat(get(port, "/engine-rest/process-definition", null).statusCode()).isEqualTo(401);

        HttpResponse<String> asAdmin = get(port, "/engine-rest/process-definition",
                basic(adminProperties.userId(), adminProperties.password()));
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).startsWith("[");

        String user = createUser(identityService, "rest-wrong", Roles.SERVICE_DESK);
        assertThat(get(port, "/engine-rest/process-definition", basic(user, "not-the-password")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void apiWithoutCredentialsIs401ProblemDetails() throws Exception {
        HttpResponse<String> response = get(port, "/api/anything", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"IncidentFlow\"");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("type").asText()).isEqualTo("https://incidentflow.io/problems/unauthenticated");
        assertThat(body.get("detail").asText()).contains("HTTP Basic");

        assertThat(postJson(port, "/api/incidents", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void apiWithWrongPasswordIs401() throws Exception {
        String user = createUser(identityService, "api-wrong", Roles.SERVICE_DESK);

        HttpResponse<String> wrong = get(port, "/api/anything", basic(user, "wrong-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        JsonNode body = json.readTree(wrong.body());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("type").asText()).isEqualTo("https://incidentflow.io/problems/unauthenticated");
        assertThat(body.get("detail").asText()).contains("Wrong user id or password");

        assertThat(get(port, "/api/anything", basic("no-such-user", "whatever")).statusCode()).isEqualTo(401);
    }

    @Test
    void apiWithValidCredentialsPassesSecurity() throws Exception {
        String user = createUser(identityService, "api-ok", Roles.SERVICE_DESK);

        // No controller behind this path: a 404 shows the request got past authentication and authorization.
        HttpResponse<String> response = get(port, "/api/no-such-endpoint", basic(user, user + "-pw"));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void auditorsAreReadOnlyWith403ProblemDetails() throws Exception {
        String auditor = createUser(identityService, "api-auditor", Roles.AUDITORS);

        assertThat(get(port, "/api/no-such-endpoint", basic(auditor, auditor + "-pw")).statusCode()).isEqualTo(404);

        HttpResponse<String> write = postJson(port, "/api/incidents", basic(auditor, auditor + "-pw"), "{}");
        assertThat(write.statusCode()).isEqualTo(403);
        JsonNode body = json.readTree(write.body());
        assertThat(body.get("status").asInt()).isEqualTo(403);
        assertThat(body.get("type").asText()).isEqualTo("https://incidentflow.io/problems/access-denied");
        assertThat(body.get("detail").asText()).contains("auditors have read-only access", auditor, "POST /api/incidents");
    }

    @Test
    void throttledLoginIs429ProblemDetails() throws Exception {
        String client = "127.0.9.1";
        String user = createUser(identityService, "api-throttled", Roles.SERVICE_DESK);
        ClientAddressHttp.Response answer;
        int attempts = 0;
        do {
            answer = ClientAddressHttp.send(client, port, "GET", "/api/services",
                    Map.of("Authorization", basic(user, "wrong-password")), null);
            attempts++;
        } while (answer.status() == 401 && attempts <= throttleProperties.freeFailures() + 1);

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("type").asText()).isEqualTo("https://incidentflow.io/problems/too-many-logins");
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asText()).contains(user);
    }

    @Test
    void userWithoutGroupIsForbidden() throws Exception {
        String nobody = createUser(identityService, "api-nogroup");

        HttpResponse<String> response = get(port, "/api/incidents", basic(nobody, nobody + "-pw"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("no IncidentFlow role");
    }

    @Test
    void eventEndpointsAreNotBehindBasicAuth() throws Exception {
        HttpResponse<String> response = postJson(port, "/api/events/v2/enqueue", null, "{}");
        assertThat(response.statusCode()).isNotIn(401, 403);
    }

    @Test
    void publicEndpointsAreOpenAndOthersRefused() throws Exception {
        assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
        // Spring Boot tests switch metrics export off (no @AutoConfigureObservability here, to keep the
        // shared test context), so the endpoint may be absent: it must just not be refused by security.
        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isNotIn(401, 403);
        HttpResponse<String> apiDocs = get(port, "/api-docs", null);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(json.readTree(apiDocs.body()).at("/components/securitySchemes/camundaUser/scheme").asText())
                .isEqualTo("basic");
        assertThat(get(port, "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(200);
        // Camunda webapp API without a webapp session: the webapp itself answers, not Spring Security.
        assertThat(get(port, "/camunda/api/engine/engine/default/process-definition", null).statusCode())
                .isEqualTo(401);

        HttpResponse<String> other = get(port, "/actuator/env", null);
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    void providerGrantsGroupAuthoritiesAndCurrentUserReadsThem() {
        String user = createUser(identityService, "provider", Roles.SERVICE_DESK, Roles.TRIAGE_TEAM);

        Authentication authenticated = authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user, user + "-pw"));
        assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("GROUP_service-desk", "GROUP_triage-team");

        SecurityContextHolder.getContext().setAuthentication(authenticated);
        try {
            CurrentUser current = CurrentUser.get();
            assertThat(current.userId()).isEqualTo(user);
            assertThat(current.groupIds()).containsExactlyInAnyOrder(Roles.SERVICE_DESK, Roles.TRIAGE_TEAM);
            assertThat(current.isMemberOf(Roles.SERVICE_DESK)).isTrue();
            assertThat(current.isMemberOfAny(Roles.AUDITORS, Roles.DR_TEAM)).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(CurrentUser.find()).isEmpty();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> authenticationProvider.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("nobody-" + user, "x")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
