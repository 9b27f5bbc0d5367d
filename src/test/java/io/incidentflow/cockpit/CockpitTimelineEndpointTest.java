package io.incidentflow.cockpit;

import static io.incidentflow.incident.process.IncidentModel.TASK_CONFIRM_WITH_CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.WebappSession;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.security.IdentitySetup;
import io.incidentflow.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /cockpit-api/incidents/{id}/timeline}, the timeline behind the Cockpit plugin's "Incident timeline"
 * tab, over real HTTP with real webapp sessions: a Cockpit session of an auditor, an administrator or a major
 * incident manager given Cockpit reads it; a Cockpit session of another group is refused (403); no session, a
 * Tasklist-only session and HTTP Basic are no login here (401); nothing but GET is answered.
 */
@IncidentFlowTest
class CockpitTimelineEndpointTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired IncidentDriver driver;
    @Autowired ObjectMapper json;

    String incidentId;

    @BeforeEach
    void closedIncident() {
        incidentId = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.resolveAtLevel1(incidentId, "fix");
        driver.complete(incidentId, TASK_CONFIRM_WITH_CALLER, Map.of("callerAnswer", "restored"));
    }

    @Test
    void auditorsCockpitSessionReadsTheTimeline() throws Exception {
        HttpClient cockpit = session(user(Roles.AUDITORS), "cockpit");
        HttpResponse<String> response = get(cockpit, timeline(incidentId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode events = json.readTree(response.body());
        assertThat(events.findValuesAsText("type"))
                .containsExactly("LOGGED", "CATEGORIZED", "PRIORITIZED", "RESOLVED", "CLOSED");
        assertThat(events.findValuesAsText("incidentId")).containsOnly(incidentId);

        assertThat(get(cockpit, timeline("INC-999999")).statusCode()).isEqualTo(404);
    }

    @Test
    void administratorsAndMajorIncidentManagersWithCockpitMayToo() throws Exception {
        assertThat(get(session(user(Roles.CAMUNDA_ADMIN), "cockpit"), timeline(incidentId)).statusCode()).isEqualTo(200);

        // Major incident managers work in Tasklist; Cockpit is the administrator's to give them.
        String manager = user(Roles.MAJOR_INCIDENT_MANAGERS);
        Authorization cockpitAccess = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        cockpitAccess.setUserId(manager);
        cockpitAccess.setResource(Resources.APPLICATION);
        cockpitAccess.setResourceId(IdentitySetup.COCKPIT);
        cockpitAccess.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(cockpitAccess);
        assertThat(get(session(manager, "cockpit"), timeline(incidentId)).statusCode()).isEqualTo(200);
    }

    @Test
    void aCockpitUserOfAnotherGroupIsRefused() throws Exception {
        HttpResponse<String> response = get(session(user(Roles.PROCESS_OWNERS), "cockpit"), timeline(incidentId));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("CLOSED");
    }

    @Test
    void withoutACockpitSessionNobodyGetsIn() throws Exception {
        HttpResponse<String> anonymous = get(HttpClient.newHttpClient(), timeline(incidentId));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        // no Basic challenge: the browser must not open a password dialog over Cockpit
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();

        String auditor = user(Roles.AUDITORS);
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (auditor + ":" + TestUsers.password(auditor)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> withBasic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(timeline(incidentId)))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withBasic.statusCode()).isEqualTo(401);

        // A Tasklist login of a service-desk agent is a webapp session, but not one that may use Cockpit.
        HttpResponse<String> tasklistOnly = get(session(user(Roles.SERVICE_DESK), "tasklist"), timeline(incidentId));
        assertThat(tasklistOnly.statusCode()).isEqualTo(401);
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpClient cockpit = session(user(Roles.AUDITORS), "cockpit");
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            HttpResponse<String> write = cockpit.send(HttpRequest.newBuilder(URI.create(timeline(incidentId)))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"type\":\"FORGED\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as(method).isEqualTo(403);
        }
        assertThat(get(cockpit, timeline(incidentId)).body()).doesNotContain("FORGED");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String user(String group) {
        return TestUsers.ensure(identity, "cockpit-" + UUID.randomUUID().toString().substring(0, 8), group);
    }

    private String timeline(String id) {
        return url("/cockpit-api/incidents/" + id + "/timeline");
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in to a Camunda webapp as the browser does: the app page for the CSRF token, then the login form. */
    private HttpClient session(String userId, String app) throws Exception {
        return WebappSession.loggedIn(port, app, userId, TestUsers.password(userId)).client();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
