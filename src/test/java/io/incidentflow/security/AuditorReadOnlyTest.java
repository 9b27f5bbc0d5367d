package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.WebappSession;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15 item 6: a member of {@code auditors} reads everything and writes nothing. Every non-GET endpoint
 * of {@code /api} (taken from Spring MVC's own mappings, so an endpoint added later is covered without
 * touching this test) and every kind of write on {@code /engine-rest} — task, variable, instance, deployment,
 * authorization, user and group — is refused with 403 and leaves the database as it was. Cockpit calls the
 * same engine with the same authorizations (and the same process state guard) under {@code /camunda/api/engine}.
 */
@IncidentFlowTest
class AuditorReadOnlyTest {

    /** Tables a refused write could touch: the application's and the engine's runtime, deployment, identity. */
    private static final List<String> TABLES = List.of("incident", "incident_event", "business_service",
            "problem_record", "incident_review", "notification", "ingest_integration", "ingest_event",
            "major_experiment", "stakeholder_update", "oncall_override", "page",
            "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK", "ACT_RU_JOB",
            "ACT_RU_BATCH", "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_GE_BYTEARRAY", "ACT_HI_COMMENT",
            "ACT_HI_PROCINST", "ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION");

    /** Monitoring systems authenticate with integration keys there; Basic credentials count for nothing. */
    private static final String EVENTS = "/api/events/";

    private static final String PROBE_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="probe">
              <process id="auditor-probe" isExecutable="true"><startEvent id="start"/></process>
            </definitions>
            """;

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IncidentDriver incidents;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();
    private String auditor;

    @BeforeEach
    void auditor() {
        auditor = TestUsers.ensure(identityService, "read-only-auditor", Roles.AUDITORS);
    }

    @Test
    void everyApiWriteIsRefusedAndChangesNothing() throws Exception {
        String incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
        List<String[]> writes = apiWrites();
        // the enumeration found the API's writes, among them the catalog's
        assertThat(writes).extracting(w -> w[0] + " " + w[1])
                .contains("POST /api/incidents", "POST /api/services", "PUT /api/services/1",
                        "POST /api/incidents/1/major", "DELETE /api/integrations/1");
        Map<String, Object> before = state(incidentId);
        List<String> wrong = new ArrayList<>();

        for (String[] write : writes) {
            String method = write[0];
            String path = write[1].replace("/api/incidents/1/", "/api/incidents/" + incidentId + "/");
            HttpResponse<String> response = send(method, path, "application/json", "{}");
            boolean events = path.startsWith(EVENTS);
            // the monitoring endpoints take integration keys, not logins: refused as any keyless request is
            if (events ? response.statusCode() / 100 != 4 : response.statusCode() != 403
                    || !response.body().contains("auditors have read-only access")) {
                wrong.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(state(incidentId)).isEqualTo(before);
    }

    @Test
    void everyEngineWriteIsRefusedAndChangesNothing() throws Exception {
        assertEngineWritesRefused((method, path, body) -> send(method, "/engine-rest" + path, "application/json", body),
                true);
    }

    /** The same writes through Cockpit's copy of the engine API, with the auditor's Cockpit session. */
    @Test
    void everyEngineWriteThroughCockpitIsRefusedAndChangesNothing() throws Exception {
        WebappSession cockpit = WebappSession.loggedIn(port, "cockpit", auditor, TestUsers.password(auditor));
        assertEngineWritesRefused((method, path, body) ->
                cockpit.send(method, "/camunda/api/engine/engine/default" + path, body), false);
    }

    /** A call of an engine API: method, path below the API's root, JSON body. */
    @FunctionalInterface
    private interface EngineApi {
        HttpResponse<String> send(String method, String path, String body) throws Exception;
    }

    private void assertEngineWritesRefused(EngineApi engine, boolean multipartToo) throws Exception {
        String incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
        String instance = incidents.instance(incidentId).getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).list().get(0);
        String t = "/task/" + task.getId();
        String pi = "/process-instance/" + instance;
        String deployment = repositoryService.createProcessDefinitionQuery().processDefinitionKey(IncidentModel.PROCESS_KEY)
                .latestVersion().singleResult().getDeploymentId();
        Authorization auditorsGrant = authorizationService.createAuthorizationQuery()
                .groupIdIn(Roles.AUDITORS).list().get(0);
        String other = TestUsers.ensure(identityService, "read-only-other", Roles.SERVICE_DESK);
        String variable = "{\"value\": \"forged\", \"type\": \"String\"}";
        String modification = "{\"modifications\": {\"incidentId\": " + variable + "}}";
        // complete forms, so that the auditor's missing right refuses them and not the form's validation
        String resolved = """
                {"variables": {
                  "diagnosisOutcome": {"value": "resolved", "type": "String"},
                  "resolutionType": {"value": "fix", "type": "String"},
                  "resolutionNotes": {"value": "forged", "type": "String"}}}""";
        String start = """
                {"businessKey": "auditor-%s", "variables": {
                  "title": {"value": "Forged"}, "description": {"value": "Forged"},
                  "caller": {"value": "jane.doe"}, "vipCaller": {"value": false},
                  "serviceId": {"value": "erp"}, "category": {"value": "software"},
                  "impact": {"value": "low"}, "urgency": {"value": "low"}}}""".formatted(UUID.randomUUID());

        Map<String, String[]> writes = new LinkedHashMap<>();
        writes.put("claim a task", new String[] {"POST", t + "/claim", "{\"userId\": \"" + auditor + "\"}"});
        writes.put("set a task's assignee", new String[] {"POST", t + "/assignee", "{\"userId\": \"" + auditor + "\"}"});
        writes.put("become a candidate", new String[] {"POST", t + "/identity-links",
                "{\"groupId\": \"" + Roles.AUDITORS + "\", \"type\": \"candidate\"}"});
        writes.put("update a task", new String[] {"PUT", t, "{\"name\": \"forged\", \"assignee\": \"" + auditor + "\"}"});
        writes.put("complete a task", new String[] {"POST", t + "/complete", resolved});
        writes.put("submit a task form", new String[] {"POST", t + "/submit-form", resolved});
        writes.put("comment on a task", new String[] {"POST", t + "/comment/create", "{\"message\": \"forged\"}"});
        writes.put("delete a task's attachment", new String[] {"DELETE", t + "/attachment/1", null});
        writes.put("create a task", new String[] {"POST", "/task/create", "{\"name\": \"forged\"}"});
        writes.put("write a task variable", new String[] {"PUT", t + "/variables/incidentId", variable});
        writes.put("write a local task variable", new String[] {"PUT", t + "/localVariables/probe", variable});
        writes.put("modify task variables", new String[] {"POST", t + "/variables", modification});
        writes.put("write an instance variable", new String[] {"PUT", pi + "/variables/incidentId", variable});
        writes.put("modify instance variables", new String[] {"POST", pi + "/variables", modification});
        writes.put("delete an instance variable", new String[] {"DELETE", pi + "/variables/incidentId", null});
        writes.put("start an instance", new String[] {"POST",
                "/process-definition/key/" + IncidentModel.PROCESS_KEY + "/start", start});
        writes.put("start by form", new String[] {"POST",
                "/process-definition/key/" + IncidentModel.PROCESS_KEY + "/submit-form", start});
        writes.put("start by message", new String[] {"POST", "/message",
                "{\"messageName\": \"forged\", \"businessKey\": \"" + incidentId + "\"}"});
        writes.put("modify an instance", new String[] {"POST", pi + "/modification",
                "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + task.getTaskDefinitionKey() + "\"}]}"});
        writes.put("suspend an instance", new String[] {"PUT", pi + "/suspended", "{\"suspended\": true}"});
        writes.put("suspend instances in bulk", new String[] {"PUT", "/process-instance/suspended",
                "{\"processInstanceIds\": [\"" + instance + "\"], \"suspended\": true}"});
        writes.put("suspend a definition", new String[] {"PUT",
                "/process-definition/key/" + IncidentModel.PROCESS_KEY + "/suspended",
                "{\"suspended\": true, \"includeProcessInstances\": true}"});
        writes.put("delete an instance", new String[] {"DELETE", pi, null});
        writes.put("delete instances in bulk", new String[] {"POST", "/process-instance/delete",
                "{\"processInstanceIds\": [\"" + instance + "\"], \"deleteReason\": \"forged\"}"});
        writes.put("delete a deployment", new String[] {"DELETE", "/deployment/" + deployment + "?cascade=true", null});
        writes.put("create an authorization", new String[] {"POST", "/authorization/create",
                "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"" + auditor + "\", \"resourceType\": 6, \"resourceId\": \"*\"}"});
        writes.put("widen the auditors' grant", new String[] {"PUT", "/authorization/" + auditorsGrant.getId(),
                "{\"permissions\": [\"ALL\"], \"groupId\": \"" + Roles.AUDITORS + "\", \"resourceType\": "
                        + auditorsGrant.getResourceType() + ", \"resourceId\": \"*\"}"});
        writes.put("delete an authorization", new String[] {"DELETE", "/authorization/" + auditorsGrant.getId(), null});
        writes.put("create a user", new String[] {"POST", "/user/create",
                "{\"profile\": {\"id\": \"forged-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\"}, \"credentials\": {\"password\": \"forged-password-1\"}}"});
        writes.put("change another user", new String[] {"PUT", "/user/" + other + "/profile",
                "{\"id\": \"" + other + "\", \"email\": \"forged@example.org\"}"});
        writes.put("set another user's password", new String[] {"PUT", "/user/" + other + "/credentials",
                "{\"password\": \"forged-password-1\", \"authenticatedUserPassword\": \"" + TestUsers.password(auditor) + "\"}"});
        writes.put("delete another user", new String[] {"DELETE", "/user/" + other, null});
        writes.put("create a group", new String[] {"POST", "/group/create", "{\"id\": \"forged\", \"name\": \"forged\"}"});
        writes.put("join camunda-admin", new String[] {"PUT", "/group/" + Roles.CAMUNDA_ADMIN + "/members/" + auditor, null});
        writes.put("leave auditors", new String[] {"DELETE", "/group/" + Roles.AUDITORS + "/members/" + auditor, null});
        writes.put("rename a group", new String[] {"PUT", "/group/" + Roles.AUDITORS,
                "{\"id\": \"" + Roles.AUDITORS + "\", \"name\": \"forged\"}"});
        writes.put("delete a group", new String[] {"DELETE", "/group/" + Roles.SERVICE_DESK, null});

        // the engine does not even show an auditor these (no READ on authorizations, on other users): 404
        Set<String> hidden = Set.of("widen the auditors' grant", "delete an authorization", "change another user",
                "set another user's password");

        Map<String, Object> before = state(incidentId);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> write : writes.entrySet()) {
            String[] w = write.getValue();
            HttpResponse<String> response = engine.send(w[0], w[1], w[2]);
            if (response.statusCode() != (hidden.contains(write.getKey()) ? 404 : 403)) {
                wrong.add(write.getKey() + ": " + w[0] + " " + w[1] + " -> " + response.statusCode() + " " + response.body());
            }
        }
        if (multipartToo) {
            HttpResponse<String> attach = multipart("/engine-rest" + t + "/attachment/create", "attachment-name", "forged",
                    "content", "forged.txt", "forged");
            if (attach.statusCode() != 403) {
                wrong.add("attach a file to a task -> " + attach.statusCode() + " " + attach.body());
            }
            HttpResponse<String> deploy = multipart("/engine-rest/deployment/create", "deployment-name", "auditor-probe",
                    "data", "auditor-probe.bpmn", PROBE_BPMN);
            if (deploy.statusCode() != 403) {
                wrong.add("create a deployment -> " + deploy.statusCode() + " " + deploy.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(state(incidentId)).isEqualTo(before);
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).userId(auditor).count()).isZero();
    }

    @Test
    void readsStillWork() throws Exception {
        String incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();

        HttpResponse<String> list = send("GET", "/api/incidents", null, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(incidentId);
        HttpResponse<String> history = send("GET",
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + incidentId, null, null);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode instances = json.readTree(history.body());
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).get("processDefinitionKey").asText()).isEqualTo(IncidentModel.PROCESS_KEY);
        HttpResponse<String> tasks = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + incidentId, null, null);
        assertThat(json.readTree(tasks.body())).as(tasks.body()).isNotEmpty();
    }

    /**
     * Comments stay with those who work the task: a candidate comments. (Camunda's comment resource also wants
     * to read the task's history, which of the roles only auditors may: so the candidate here is a service desk
     * member who is an auditor too, and an auditor who works the task may comment on it.)
     */
    @Test
    void candidatesStillCommentOnTheirTasks() throws Exception {
        String incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
        Task task = taskService.createTaskQuery().processInstanceId(incidents.instance(incidentId).getId()).list().get(0);
        String desk = TestUsers.ensure(identityService, "read-only-desk", Roles.SERVICE_DESK, Roles.AUDITORS);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(Roles.SERVICE_DESK).count())
                .as("the service desk is candidate of the first task").isEqualTo(1);

        HttpResponse<String> comment = SecurityTestSupport.postJson(port, "/engine-rest/task/" + task.getId()
                + "/comment/create", basic(desk, TestUsers.password(desk)), "{\"message\": \"Caller called back\"}");

        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
        assertThat(taskService.getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Caller called back");
    }

    /** A refused write must not be refused for want of a login: anonymous is 401 on both APIs. */
    @Test
    void anonymousIsAskedToLogIn() throws Exception {
        for (String path : List.of("/api/incidents", "/engine-rest/history/process-instance")) {
            HttpResponse<String> response = SecurityTestSupport.get(port, path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
    }

    /** Method and path (variables filled with {@code 1}) of every /api mapping that accepts a non-GET method. */
    private List<String[]> apiWrites() {
        Set<String> writes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            // a mapping without methods takes them all
            Set<RequestMethod> tried = methods.isEmpty()
                    ? Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE) : methods;
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : tried) {
                    if (!Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS).contains(method)) {
                        writes.add(method.name() + " " + pattern.replaceAll("\\{[^}]+}", "1"));
                    }
                }
            }
        }
        return writes.stream().map(w -> w.split(" ", 2)).toList();
    }

    /** Row counts of {@link #TABLES} and every row of the incident's process: revision, assignee, suspension, value. */
    private Map<String, Object> state(String incidentId) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String table : TABLES) {
            state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        String instance = incidents.instance(incidentId).getId();
        state.put("executions", jdbc.queryForList(
                "select id_, rev_, suspension_state_, act_id_ from ACT_RU_EXECUTION where proc_inst_id_ = ? order by id_",
                instance));
        state.put("tasks", jdbc.queryForList(
                "select id_, rev_, assignee_, owner_, name_, suspension_state_ from ACT_RU_TASK where proc_inst_id_ = ? order by id_",
                instance));
        state.put("variables", jdbc.queryForList(
                "select name_, rev_, text_, long_ from ACT_RU_VARIABLE where proc_inst_id_ = ? order by name_, id_",
                instance));
        state.put("authorizations", jdbc.queryForList("select id_, rev_, perms_ from ACT_RU_AUTHORIZATION order by id_"));
        state.put("users", jdbc.queryForList("select id_, rev_, email_, pwd_ from ACT_ID_USER order by id_"));
        state.put("groups", jdbc.queryForList("select id_, rev_, name_ from ACT_ID_GROUP order by id_"));
        state.put("definitions", jdbc.queryForList("select id_, suspension_state_ from ACT_RE_PROCDEF order by id_"));
        state.put("incident", jdbc.queryForList("select * from incident where id = ?", incidentId));
        return state;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Authorization", basic(auditor, TestUsers.password(auditor)));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        return SecurityTestSupport.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart POST of one text field and one file, as Camunda Modeler deploys and Tasklist attaches. */
    private HttpResponse<String> multipart(String path, String field, String value, String fileField, String fileName,
                                           String content) throws Exception {
        String boundary = "auditor-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }
}
