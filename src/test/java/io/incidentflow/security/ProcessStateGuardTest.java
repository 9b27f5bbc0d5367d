package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.HTTP;
import static io.incidentflow.security.SecurityTestSupport.basic;
import static io.incidentflow.security.SecurityTestSupport.get;
import static io.incidentflow.security.SecurityTestSupport.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.WebappSession;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Protected process state over real HTTP: task completions (engine REST and Tasklist) carry only their
 * form's fields, validated on the server; direct variable writes are camunda-admin's and never touch control
 * variables (issue 10, attack 3).
 */
@IncidentFlowTest
class ProcessStateGuardTest {

    private static final String FORGED = """
            {"variables": {
              "diagnosisOutcome": {"value": "resolved", "type": "String"},
              "resolutionType": {"value": "fix", "type": "String"},
              "resolutionNotes": {"value": "forged", "type": "String"},
              "incidentId": {"value": "%s", "type": "String"}}}""";

    private static final String RESOLVED = """
            {"variables": {
              "diagnosisOutcome": {"value": "resolved", "type": "String"},
              "resolutionType": {"value": "fix", "type": "String"},
              "resolutionNotes": {"value": "Restarted the mail relay", "type": "String"}}}""";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    AdminProperties admin;

    @Autowired
    IncidentDriver incidents;

    @Autowired
    TaskService taskService;

    private final ObjectMapper json = new ObjectMapper();

    private String desk;
    private String deskAuth;
    private String adminAuth;

    @BeforeEach
    void users() {
        desk = TestUsers.ensure(identityService, "state-desk", Roles.SERVICE_DESK);
        deskAuth = basic(desk, TestUsers.password(desk));
        adminAuth = basic(admin.userId(), admin.password());
    }

    @Test
    void completingATaskWithAForeignIncidentIdOverEngineRestChangesNothing() throws Exception {
        Incident victim = incidents.log("email", Level.LOW, Level.LOW);
        Incident own = incidents.log("email", Level.LOW, Level.LOW);
        Task task = diagnosisClaimedByDesk(own);
        List<String> before = snapshot(own, victim);

        HttpResponse<String> response = postJson(port, "/engine-rest/task/" + task.getId() + "/complete", deskAuth,
                FORGED.formatted(victim.getId()));

        assertRefused(response, 400, "incidentId");
        assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo("InvalidRequestException");
        assertUnchanged(task, own, victim, before);
    }

    @Test
    void submittingATasklistFormWithAForeignIncidentIdChangesNothing() throws Exception {
        Incident victim = incidents.log("email", Level.LOW, Level.LOW);
        Incident own = incidents.log("email", Level.LOW, Level.LOW);
        Task task = diagnosisClaimedByDesk(own);
        List<String> before = snapshot(own, victim);

        HttpResponse<String> response = tasklist().submitForm(task, FORGED.formatted(victim.getId()));

        assertRefused(response, 400, "incidentId");
        assertUnchanged(task, own, victim, before);
    }

    @Test
    void aCorrectCompletionWorksOverEngineRest() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = diagnosisClaimedByDesk(incident);

        HttpResponse<String> response = postJson(port, "/engine-rest/task/" + task.getId() + "/complete", deskAuth,
                RESOLVED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(openTask(task)).isFalse();
        assertThat(state(incident.getId())).isEqualTo("RESOLVED");
    }

    @Test
    void aCorrectFormSubmitWorksOverTasklist() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = diagnosisClaimedByDesk(incident);

        HttpResponse<String> response = tasklist().submitForm(task, RESOLVED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(openTask(task)).isFalse();
        assertThat(state(incident.getId())).isEqualTo("RESOLVED");
    }

    @Test
    void fieldsTheFormHidesAreNotRequired() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = diagnosisClaimedByDesk(incident);

        HttpResponse<String> response = postJson(port, "/engine-rest/task/" + task.getId() + "/complete", deskAuth,
                """
                {"variables": {"diagnosisOutcome": {"value": "escalate", "type": "String"},
                               "diagnosisNotes": {"value": "Needs the mail team", "type": "String"}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(openTask(task)).isFalse();
    }

    @Test
    void theServerValidatesTheForm() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = diagnosisClaimedByDesk(incident);
        String complete = "/engine-rest/task/" + task.getId() + "/complete";

        // required, shown because the outcome is "resolved"
        assertRefused(postJson(port, complete, deskAuth, """
                {"variables": {"diagnosisOutcome": {"value": "resolved", "type": "String"},
                               "resolutionType": {"value": "fix", "type": "String"}}}"""), 400, "resolutionNotes");
        // required, missing altogether
        assertRefused(postJson(port, complete, deskAuth, "{}"), 400, "diagnosisOutcome");
        // not among the options
        assertRefused(postJson(port, complete, deskAuth, """
                {"variables": {"diagnosisOutcome": {"value": "closed", "type": "String"}}}"""), 400, "diagnosisOutcome");
        // wrong type
        assertRefused(postJson(port, complete, deskAuth, """
                {"variables": {"diagnosisOutcome": {"value": "escalate", "type": "String"},
                               "diagnosisNotes": {"value": 42, "type": "Integer"}}}"""), 400, "diagnosisNotes");
        // not the engine REST shape
        assertRefused(postJson(port, complete, deskAuth, """
                {"variables": {"diagnosisOutcome": "escalate"}}"""), 400, "diagnosisOutcome");

        assertThat(openTask(task)).isTrue();
    }

    @Test
    void anonymousCompletionIsRefused() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = incidents.task(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);

        assertThat(postJson(port, "/engine-rest/task/" + task.getId() + "/complete", null, RESOLVED).statusCode())
                .isEqualTo(401);
        assertThat(openTask(task)).isTrue();
    }

    @Test
    void directVariableWritesAreAdminOnlyAndNeverControlVariables() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = incidents.task(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);
        String instance = "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/";
        String taskVariables = "/engine-rest/task/" + task.getId() + "/variables/";
        String other = "{\"value\": \"INC-999999\", \"type\": \"String\"}";

        assertRefused(put(taskVariables + "incidentId", deskAuth, other), 403, "incidentId");
        assertRefused(put(instance + "incidentId", deskAuth, other), 403, "incidentId");
        assertRefused(put(taskVariables + "incidentId", adminAuth, other), 400, "incidentId");
        assertRefused(put(instance + "incidentId", adminAuth, other), 400, "incidentId");
        assertRefused(put(instance + "resolverGroup", adminAuth, other), 400, "resolverGroup");
        assertRefused(send("DELETE", instance + "incidentId", adminAuth, null), 400, "incidentId");
        assertRefused(postJson(port, "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables",
                adminAuth, "{\"modifications\": {\"priority\": {\"value\": \"P1\"}}}"), 400, "priority");
        assertThat(variable(task.getProcessInstanceId(), "incidentId")).isEqualTo(incident.getId());

        // a note a person could have written in a form: the admin may correct it
        HttpResponse<String> note = put(instance + "diagnosisNotes", adminAuth,
                "{\"value\": \"Corrected by the admin\", \"type\": \"String\"}");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(204);
        assertThat(variable(task.getProcessInstanceId(), "diagnosisNotes")).isEqualTo("Corrected by the admin");
        assertRefused(put(instance + "diagnosisNotes", deskAuth, "{\"value\": \"x\", \"type\": \"String\"}"),
                403, "diagnosisNotes");
        // the same through the webapps' engine API, as the Tasklist user
        assertRefused(tasklist().send("PUT", "task/" + task.getId() + "/variables/incidentId", other),
                403, "incidentId");
        assertThat(variable(task.getProcessInstanceId(), "incidentId")).isEqualTo(incident.getId());
    }

    /** The incident title and priority a task shows in Tasklist are the task's own: nobody rewrites them. */
    @Test
    void theIncidentLabelsOfATaskAreWrittenByNobody() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        Task task = incidents.task(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);
        String localVariables = "/engine-rest/task/" + task.getId() + "/localVariables/";
        String fake = "{\"value\": \"Nothing to see here\", \"type\": \"String\"}";

        assertRefused(put(localVariables + "incidentTitle", deskAuth, fake), 403, "incidentTitle");
        assertRefused(put(localVariables + "incidentTitle", adminAuth, fake), 400, "incidentTitle");
        assertRefused(put(localVariables + "incidentPriority", adminAuth, fake), 400, "incidentPriority");
        assertRefused(tasklist().send("PUT", "task/" + task.getId() + "/localVariables/incidentTitle", fake),
                403, "incidentTitle");
        assertThat(taskService.getVariableLocal(task.getId(), "incidentTitle")).isEqualTo(incident.getTitle());
    }

    @Test
    void messagesSignalsAndModificationsCarryNoVariablesFromPeople() throws Exception {
        Incident incident = incidents.log("email", Level.LOW, Level.LOW);
        String instanceId = incidents.instance(incident.getId()).getId();

        // people send no messages or signals at all, with variables or without (a start message would
        // otherwise start an incident around its start form)
        for (String body : new String[] {"""
                {"messageName": "MajorIncidentDeclared", "businessKey": "%s",
                 "processVariables": {"incidentId": {"value": "INC-1"}}}""".formatted(incident.getId()), """
                {"messageName": "CriticalEventReceived", "businessKey": "INC-999998"}"""}) {
            HttpResponse<String> refused = postJson(port, "/engine-rest/message", deskAuth, body);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("messages, signals");
        }
        HttpResponse<String> signal = postJson(port, "/engine-rest/signal", deskAuth, """
                {"name": "anything", "variables": {"resolverGroup": {"value": "x"}}}""");
        assertThat(signal.statusCode()).as(signal.body()).isEqualTo(403);
        assertRefused(postJson(port, "/engine-rest/message", adminAuth, """
                {"messageName": "MajorIncidentDeclared", "businessKey": "%s",
                 "processVariables": {"incidentId": {"value": "INC-1"}}}""".formatted(incident.getId())),
                400, "incidentId");
        assertRefused(postJson(port, "/engine-rest/process-instance/" + instanceId + "/modification", adminAuth, """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_InitialDiagnosis",
                  "variables": {"incidentId": {"value": "INC-1"}}}]}"""), 400, "incidentId");
        assertRefused(postJson(port, "/engine-rest/migration/execute", deskAuth, """
                {"migrationPlan": {"sourceProcessDefinitionId": "a", "targetProcessDefinitionId": "b",
                  "instructions": [], "variables": {"resolverGroup": {"value": "x"}}},
                 "processInstanceIds": ["%s"]}""".formatted(instanceId)), 403, "resolverGroup");
        assertThat(variable(instanceId, "incidentId")).isEqualTo(incident.getId());
    }

    @Test
    void aStartFormSubmitCarriesOnlyTheStartFormsFields() throws Exception {
        HttpResponse<String> response = postJson(port,
                "/engine-rest/process-definition/key/incident/submit-form", deskAuth, """
                {"variables": {
                  "title": {"value": "Mail is down", "type": "String"},
                  "caller": {"value": "jane.doe", "type": "String"},
                  "serviceId": {"value": "email", "type": "String"},
                  "category": {"value": "software", "type": "String"},
                  "impact": {"value": "low", "type": "String"},
                  "urgency": {"value": "low", "type": "String"},
                  "resolverGroup": {"value": "service-desk", "type": "String"}}}""");

        assertRefused(response, 400, "resolverGroup");
        assertRefused(postJson(port, "/engine-rest/process-definition/key/incident/start", deskAuth, """
                {"variables": {"title": {"value": "Mail is down", "type": "String"}}}"""), 400, "caller");
    }

    private Task diagnosisClaimedByDesk(Incident incident) {
        incidents.claim(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS, desk);
        return incidents.task(incident.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);
    }

    /** The states of both incidents and the activities the own incident's process passed. */
    private List<String> snapshot(Incident own, Incident victim) throws Exception {
        List<String> snapshot = new ArrayList<>(List.of(state(own.getId()), state(victim.getId())));
        snapshot.addAll(incidents.passedActivities(own.getId()));
        return snapshot;
    }

    private void assertUnchanged(Task task, Incident own, Incident victim, List<String> before) throws Exception {
        assertThat(openTask(task)).isTrue();
        assertThat(snapshot(own, victim)).isEqualTo(before);
        assertThat(before.get(1)).isNotEqualTo("RESOLVED");
        assertThat(variable(task.getProcessInstanceId(), "incidentId")).isEqualTo(own.getId());
    }

    private void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(body.path("message").asText()).contains(field);
    }

    private boolean openTask(Task task) throws Exception {
        HttpResponse<String> response = get(port, "/engine-rest/task/" + task.getId(), adminAuth);
        return response.statusCode() == 200;
    }

    private String state(String incidentId) throws Exception {
        HttpResponse<String> response = get(port, "/api/incidents/" + incidentId, adminAuth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("state").asText();
    }

    private String variable(String processInstanceId, String name) throws Exception {
        HttpResponse<String> response = get(port,
                "/engine-rest/process-instance/" + processInstanceId + "/variables/" + name, adminAuth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("value").asText();
    }

    private HttpResponse<String> put(String path, String authorization, String body) throws Exception {
        return send("PUT", path, authorization, body);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A Tasklist session of the desk user: session cookie and Camunda's CSRF token, as the browser has them. */
    private TasklistSession tasklist() throws Exception {
        return new TasklistSession(WebappSession.loggedIn(port, "tasklist", desk, TestUsers.password(desk)));
    }

    private record TasklistSession(WebappSession session) {

        HttpResponse<String> submitForm(Task task, String body) throws Exception {
            return send("POST", "task/" + task.getId() + "/submit-form", body);
        }

        /** A call of the webapps' engine API as Tasklist makes it, e.g. {@code task/42/submit-form}. */
        HttpResponse<String> send(String method, String path, String body) throws Exception {
            return session.send(method, "/camunda/api/engine/engine/default/" + path, body);
        }
    }
}
