package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.basic;
import static io.incidentflow.security.SecurityTestSupport.createUser;
import static io.incidentflow.security.SecurityTestSupport.delete;
import static io.incidentflow.security.SecurityTestSupport.get;
import static io.incidentflow.security.SecurityTestSupport.postJson;
import static io.incidentflow.security.SecurityTestSupport.putJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.continuity.ContinuityModel;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.major.MajorIncidentModel;
import io.incidentflow.notify.page.PageModel;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/**
 * Least-privilege engine rights: who may start, read, change and delete what, checked against
 * {@link ProcessStarter} for every role group (and one catalog resolver group) and every process of
 * {@code processes/}, and over {@code /engine-rest} as Tasklist and scripts call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAuthorizationMatrixTest {

    /** A resolver group of the test catalog (core-network, mission-critical). */
    private static final String RESOLVER_GROUP = "network-team";

    private static final List<Permission> DEFINITION_PERMISSIONS = List.of(
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.DELETE_INSTANCE);

    @LocalServerPort
    int port;

    @Autowired
    IdentitySetup identitySetup;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    AdminProperties adminProperties;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void modelsNameTheStartersOfTheTable() throws Exception {
        Map<String, Set<String>> models = modelStarters();

        for (ProcessStarter starter : ProcessStarter.values()) {
            assertThat(models).as("model of %s", starter).containsKey(starter.processKey());
        }
        models.forEach((key, groups) -> assertThat(groups).as("candidateStarterGroups of %s", key)
                .isEqualTo(Set.copyOf(ProcessStarter.groupsStarting(key))));
    }

    @Test
    void everyGroupHasExactlyTheRightsOfTheTable() throws Exception {
        assertThat(identityService.createGroupQuery().groupId(RESOLVER_GROUP).count()).isEqualTo(1);
        List<String> groups = new ArrayList<>(Roles.all());
        groups.add(RESOLVER_GROUP);
        List<String> wrong = new ArrayList<>();

        for (String key : modelStarters().keySet()) {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(key).latestVersion().singleResult();
            assertThat(definition).as("deployed %s", key).isNotNull();
            for (String group : groups) {
                for (Permission permission : DEFINITION_PERMISSIONS) {
                    check(wrong, group, permission, Resources.PROCESS_DEFINITION, key,
                            expectedOnDefinition(group, key, permission));
                }
                boolean admin = group.equals(Roles.CAMUNDA_ADMIN);
                check(wrong, group, Permissions.DELETE, Resources.DEPLOYMENT, definition.getDeploymentId(), admin);
            }
        }
        for (String group : groups) {
            boolean admin = group.equals(Roles.CAMUNDA_ADMIN);
            boolean owner = group.equals(Roles.PROCESS_OWNERS);
            boolean auditor = group.equals(Roles.AUDITORS);
            boolean starter = !ProcessStarter.processKeysStartableBy(group).isEmpty();
            check(wrong, group, Permissions.CREATE, Resources.DEPLOYMENT, null, admin || owner);
            check(wrong, group, Permissions.READ, Resources.DEPLOYMENT, null, admin || owner || auditor);
            check(wrong, group, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, null, admin || starter);
            check(wrong, group, ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, null, admin);
            check(wrong, group, ProcessInstancePermissions.DELETE, Resources.PROCESS_INSTANCE, null, admin);
        }
        assertThat(wrong).isEmpty();
    }

    /** Tasklist's "Start process" list shows each group exactly the processes of the table. */
    @Test
    void tasklistOffersEachGroupItsOwnProcesses() throws Exception {
        Set<String> modelKeys = modelStarters().keySet();
        List<String> groups = new ArrayList<>(Roles.all());
        groups.remove(Roles.CAMUNDA_ADMIN);
        groups.add(RESOLVER_GROUP);
        for (String group : groups) {
            String user = createUser(identityService, "start-list", group);
            HttpResponse<String> startable = get(port,
                    "/engine-rest/process-definition?latestVersion=true&startablePermissionCheck=true",
                    basic(user, user + "-pw"));
            assertThat(startable.statusCode()).isEqualTo(200);
            Set<String> keys = new TreeSet<>();
            json.readTree(startable.body()).forEach(d -> keys.add(d.get("key").asText()));
            keys.retainAll(modelKeys);
            assertThat(keys).as(group).isEqualTo(new TreeSet<>(ProcessStarter.processKeysStartableBy(group)));
        }
    }

    /** Neither a resolver group member nor the service desk (which starts incidents) starts internal processes. */
    @Test
    void respondersStartNoInternalProcess() throws Exception {
        String responder = createUser(identityService, "authz-responder", RESOLVER_GROUP);
        String desk = createUser(identityService, "authz-desk", Roles.SERVICE_DESK);
        for (String key : List.of(PageModel.PROCESS_KEY, ContinuityModel.PROCESS_KEY, MajorIncidentModel.PROCESS_KEY)) {
            String businessKey = "authz-" + UUID.randomUUID();
            String body = """
                    {"businessKey": "%s", "variables": {
                      "incidentId": {"value": "%s"}, "pageGroup": {"value": "%s"},
                      "pageSummary": {"value": "Call me"}, "ackTimeout": {"value": "PT0S"}}}"""
                    .formatted(businessKey, businessKey, RESOLVER_GROUP);
            String start = "/engine-rest/process-definition/key/" + key + "/start";

            // what only the start form asks for, so that the engine's own start right is what refuses
            String formOnly = """
                    {"businessKey": "%s", "variables": {
                      "affectedServices": {"value": "payments"}, "invocationReason": {"value": "Call me"}}}"""
                    .formatted(businessKey);
            assertThat(postJson(port, start, null, body).statusCode()).as(key).isEqualTo(401);
            for (String user : List.of(responder, desk)) {
                HttpResponse<String> attack = postJson(port, start, basic(user, user + "-pw"), body);
                assertThat(attack.statusCode()).as(key + ": " + attack.body()).isIn(400, 403);
                HttpResponse<String> refused = postJson(port, start, basic(user, user + "-pw"),
                        key.equals(ContinuityModel.PROCESS_KEY) ? formOnly : "{\"businessKey\": \"" + businessKey + "\"}");
                assertThat(refused.statusCode()).as(key + ": " + refused.body()).isEqualTo(403);
                assertThat(refused.body()).contains("AuthorizationException");
            }
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .count()).as(key).isZero();
        }
    }

    /**
     * The service desk logs a P1 on a mission-critical service in Tasklist: its start form runs the incident
     * into major incident triage (call activity) which pages the triage team (call activity), although the
     * desk may start neither of those processes itself.
     */
    @Test
    void serviceDeskLogsIncidentAndCallActivitiesStillStart() throws Exception {
        String desk = createUser(identityService, "authz-desk", Roles.SERVICE_DESK);
        String form = """
                {"variables": {
                  "title": {"value": "Core network down"}, "description": {"value": "No routing"},
                  "caller": {"value": "jane.doe"}, "vipCaller": {"value": false},
                  "serviceId": {"value": "core-network"}, "category": {"value": "network"},
                  "impact": {"value": "high"}, "urgency": {"value": "high"}}}""";

        HttpResponse<String> submitted = postJson(port,
                "/engine-rest/process-definition/key/" + IncidentModel.PROCESS_KEY + "/submit-form",
                basic(desk, desk + "-pw"), form);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String incidentInstance = json.readTree(submitted.body()).get("id").asText();
        ProcessInstance major = runtimeService.createProcessInstanceQuery().superProcessInstanceId(incidentInstance)
                .processDefinitionKey(MajorIncidentModel.PROCESS_KEY).singleResult();
        assertThat(major).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(major.getId())
                .processDefinitionKey(PageModel.PROCESS_KEY).count()).isEqualTo(1);
    }

    /** The application's own calls start processes for people the engine would refuse. */
    @Test
    void apiLogsIncidentsForGroupsThatDoNotStartTheProcess() throws Exception {
        String triage = createUser(identityService, "authz-triage", Roles.TRIAGE_TEAM);
        String incident = """
                {"title": "Mail slow", "description": "Queues", "caller": "jane.doe", "vipCaller": false,
                 "serviceId": "core-network", "category": "network", "impact": "low", "urgency": "low"}""";

        HttpResponse<String> logged = postJson(port, "/api/incidents", basic(triage, triage + "-pw"), incident);

        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String incidentId = json.readTree(logged.body()).get("id").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentModel.PROCESS_KEY)
                .processInstanceBusinessKey(incidentId).count()).isEqualTo(1);
    }

    @Test
    void onlyAdminDeletesDeployments() throws Exception {
        String owner = createUser(identityService, "authz-owner", Roles.PROCESS_OWNERS);
        String deploymentId = deployProbe().getDeploymentId();
        String path = "/engine-rest/deployment/" + deploymentId + "?cascade=true";

        assertThat(delete(port, path, null).statusCode()).isEqualTo(401);
        assertThat(delete(port, path, basic(owner, owner + "-pw")).statusCode()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);

        assertThat(delete(port, path, admin()).statusCode()).isEqualTo(204);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
    }

    @Test
    void workingGroupsNeitherStartNewProcessesNorDeleteInstances() throws Exception {
        ProcessDefinition probe = deployProbe();
        try {
            String desk = createUser(identityService, "authz-desk", Roles.SERVICE_DESK);
            assertThat(postJson(port, "/engine-rest/process-definition/key/" + probe.getKey() + "/start",
                    basic(desk, desk + "-pw"), "{}").statusCode()).isEqualTo(403);

            String instanceId = runtimeService.startProcessInstanceByKey(probe.getKey()).getId();
            String path = "/engine-rest/process-instance/" + instanceId;
            assertThat(delete(port, path, null).statusCode()).isEqualTo(401);
            assertThat(delete(port, path, basic(desk, desk + "-pw")).statusCode()).isEqualTo(403);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(probe.getDeploymentId(), true);
        }
    }

    /** Candidates get TASK_WORK, not UPDATE: they claim and complete, but cannot set variables beside the form. */
    @Test
    void candidatesWorkTasksButDoNotWriteVariables() throws Exception {
        ProcessDefinition probe = deployProbe();
        try {
            String desk = createUser(identityService, "authz-desk", Roles.SERVICE_DESK);
            String auth = basic(desk, desk + "-pw");
            String instanceId = runtimeService.startProcessInstanceByKey(probe.getKey(),
                    Map.of("incidentId", "INC-000001")).getId();
            JsonNode tasks = json.readTree(get(port, "/engine-rest/task?processInstanceId=" + instanceId, auth).body());
            assertThat(tasks).hasSize(1);
            String taskId = tasks.get(0).get("id").asText();
            List<String> deskGroups = List.of(Roles.SERVICE_DESK);
            assertThat(authorizationService.isUserAuthorized(desk, deskGroups, TaskPermissions.TASK_WORK,
                    Resources.TASK, taskId)).isTrue();
            assertThat(authorizationService.isUserAuthorized(desk, deskGroups, TaskPermissions.UPDATE,
                    Resources.TASK, taskId)).isFalse();

            assertThat(postJson(port, "/engine-rest/task/" + taskId + "/claim", auth,
                    "{\"userId\": \"" + desk + "\"}").statusCode()).isEqualTo(204);
            String forged = "{\"value\": \"INC-999999\", \"type\": \"String\"}";
            assertThat(putJson(port, "/engine-rest/task/" + taskId + "/variables/incidentId", auth, forged)
                    .statusCode()).isEqualTo(403);
            assertThat(putJson(port, "/engine-rest/task/" + taskId + "/localVariables/incidentId", auth, forged)
                    .statusCode()).isEqualTo(403);
            assertThat(postJson(port, "/engine-rest/task/" + taskId + "/variables", auth,
                    "{\"modifications\": {\"incidentId\": " + forged + "}}").statusCode()).isEqualTo(403);
            assertThat(putJson(port, "/engine-rest/process-instance/" + instanceId + "/variables/incidentId", auth,
                    forged).statusCode()).isEqualTo(403);
            assertThat(runtimeService.getVariable(instanceId, "incidentId")).isEqualTo("INC-000001");
            assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(desk);

            // as Tasklist opens and submits the task's form
            assertThat(get(port, "/engine-rest/task/" + taskId + "/form-variables", auth).statusCode()).isEqualTo(200);
            assertThat(postJson(port, "/engine-rest/task/" + taskId + "/submit-form", auth, "{\"variables\": {}}")
                    .statusCode()).isEqualTo(204);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(probe.getDeploymentId(), true);
        }
    }

    /** A database set up by the previous version: its broad grants are narrowed at the next start. */
    @Test
    void startNarrowsTheGrantsOfEarlierVersions() {
        String resolver = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        Group group = identityService.newGroup(resolver);
        group.setName(resolver);
        group.setType(Roles.TYPE_WORKFLOW);
        identityService.saveGroup(group);
        String custom = "custom-" + UUID.randomUUID().toString().substring(0, 8);
        Group customGroup = identityService.newGroup(custom);
        customGroup.setName(custom);
        customGroup.setType("ops-bots");
        identityService.saveGroup(customGroup);
        try {
            saveGrant(resolver, Resources.PROCESS_DEFINITION, ANY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            saveGrant(resolver, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
            // an administrator's own decisions, which the narrowing leaves alone
            saveGrant(resolver, Resources.PROCESS_DEFINITION, IncidentModel.PROCESS_KEY,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            saveGrant(custom, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
            widen(Roles.SERVICE_DESK, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.CREATE_INSTANCE);
            widen(Roles.PROCESS_OWNERS, Resources.DEPLOYMENT, Permissions.DELETE);
            assertThat(can(resolver, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    PageModel.PROCESS_KEY)).isTrue();

            identitySetup.ensureGroupsAndAuthorizations();
            identitySetup.ensureGroupsAndAuthorizations();

            assertThat(can(resolver, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    PageModel.PROCESS_KEY)).isFalse();
            assertThat(can(resolver, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION,
                    PageModel.PROCESS_KEY)).isTrue();
            assertThat(can(resolver, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    IncidentModel.PROCESS_KEY)).isTrue();
            assertThat(can(custom, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    PageModel.PROCESS_KEY)).isTrue();
            assertThat(can(Roles.SERVICE_DESK, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, PageModel.PROCESS_KEY)).isFalse();
            assertThat(can(Roles.SERVICE_DESK, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, IncidentModel.PROCESS_KEY)).isTrue();
            assertThat(can(Roles.PROCESS_OWNERS, Permissions.DELETE, Resources.DEPLOYMENT, null)).isFalse();
            assertThat(can(Roles.PROCESS_OWNERS, Permissions.CREATE, Resources.DEPLOYMENT, null)).isTrue();
        } finally {
            for (String id : List.of(resolver, custom)) {
                authorizationService.createAuthorizationQuery().groupIdIn(id).list()
                        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
                identityService.deleteGroup(id);
            }
        }
    }

    private boolean expectedOnDefinition(String group, String key, Permission permission) {
        if (group.equals(Roles.CAMUNDA_ADMIN) || permission == ProcessDefinitionPermissions.READ) {
            return true;
        }
        if (permission == ProcessDefinitionPermissions.CREATE_INSTANCE) {
            return ProcessStarter.groupsStarting(key).contains(group);
        }
        if (permission == ProcessDefinitionPermissions.READ_INSTANCE) {
            return group.equals(Roles.AUDITORS);
        }
        return false;
    }

    private void check(List<String> wrong, String group, Permission permission, Resource resource, String resourceId,
                       boolean expected) {
        if (can(group, permission, resource, resourceId) != expected) {
            wrong.add(group + (expected ? " lacks " : " has ") + permission.getName() + " on "
                    + resource.resourceName() + " " + (resourceId == null ? ANY : resourceId));
        }
    }

    /** As a member of only this group; no resource id: the check the engine makes for "any" (e.g. deploying). */
    private boolean can(String group, Permission permission, Resource resource, String resourceId) {
        return resourceId == null
                ? authorizationService.isUserAuthorized("matrix-probe", List.of(group), permission, resource)
                : authorizationService.isUserAuthorized("matrix-probe", List.of(group), permission, resource,
                        resourceId);
    }

    /** Process keys of the models in {@code processes/} with the groups their candidateStarterGroups name. */
    private static Map<String, Set<String>> modelStarters() throws Exception {
        Map<String, Set<String>> starters = new LinkedHashMap<>();
        for (org.springframework.core.io.Resource file
                : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (Process process : model.getModelElementsByType(Process.class)) {
                    starters.put(process.getId(), new HashSet<>(process.getCamundaCandidateStarterGroupsList()));
                }
            }
        }
        assertThat(starters).isNotEmpty();
        return starters;
    }

    /** An internal process nobody is granted to start; its user task is for the service desk. */
    private ProcessDefinition deployProbe() {
        String key = "authzProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("work").camundaCandidateGroups(Roles.SERVICE_DESK)
                .endEvent()
                .done();
        String deploymentId = repositoryService.createDeployment().addModelInstance(key + ".bpmn", model)
                .deploy().getId();
        return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    private String admin() {
        return basic(adminProperties.userId(), adminProperties.password());
    }

    private void saveGrant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizationService.saveAuthorization(grant);
    }

    /** Adds a permission to the group's existing '*' grant, as the previous version had it. */
    private void widen(String group, Resource resource, Permission permission) {
        Authorization grant = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(ANY).singleResult();
        grant.addPermission(permission);
        authorizationService.saveAuthorization(grant);
    }
}
