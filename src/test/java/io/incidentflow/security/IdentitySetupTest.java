package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.basic;
import static io.incidentflow.security.SecurityTestSupport.createUser;
import static io.incidentflow.security.SecurityTestSupport.get;
import static io.incidentflow.security.SecurityTestSupport.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.incident.process.IncidentModel;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentitySetupTest {

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

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void allRoleGroupsExist() {
        for (String groupId : Roles.all()) {
            Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
            assertThat(group).as(groupId).isNotNull();
            assertThat(group.getName()).isEqualTo(Roles.displayName(groupId));
            assertThat(group.getType()).isEqualTo(groupId.equals(Roles.CAMUNDA_ADMIN) ? "SYSTEM" : "WORKFLOW");
        }
    }

    @Test
    void workingGroupsUseTasklistAndStartOnlyTheirProcesses() {
        for (String groupId : Roles.WORKING_GROUPS) {
            assertWorkingGroupAuthorizations(groupId);
        }
    }

    @Test
    void auditorsReadButNeverWrite() {
        List<String> groups = List.of(Roles.AUDITORS);
        assertThat(can(groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(can(groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
        assertThat(can(groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
        assertThat(can(groups, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(can(groups, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(can(groups, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(can(groups, ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(can(groups, Permissions.READ, Resources.DECISION_DEFINITION)).isTrue();
        assertThat(can(groups, Permissions.READ_HISTORY, Resources.DECISION_DEFINITION)).isTrue();
        assertThat(can(groups, Permissions.READ, Resources.DEPLOYMENT)).isTrue();

        assertThat(can(groups, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION)).isFalse();
        assertThat(can(groups, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(can(groups, ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(can(groups, ProcessInstancePermissions.DELETE, Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(can(groups, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION)).isFalse();
        assertThat(can(groups, ProcessDefinitionPermissions.DELETE_HISTORY, Resources.PROCESS_DEFINITION)).isFalse();
        assertThat(can(groups, Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
        assertThat(can(groups, Permissions.UPDATE, Resources.TASK)).isFalse();
        assertThat(can(groups, Permissions.CREATE, Resources.USER)).isFalse();
    }

    @Test
    void processOwnersDeployButDoNotRunProcesses() {
        List<String> groups = List.of(Roles.PROCESS_OWNERS);
        assertThat(can(groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(can(groups, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(can(groups, Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
        assertThat(can(groups, Permissions.READ, Resources.DEPLOYMENT)).isTrue();
        assertThat(can(groups, Permissions.DELETE, Resources.DEPLOYMENT)).isFalse();
        assertThat(can(groups, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION)).isFalse();
    }

    @Test
    void camundaAdminMayDoEverything() {
        List<String> groups = List.of(Roles.CAMUNDA_ADMIN);
        for (Resources resource : Resources.values()) {
            if (resource == Resources.HISTORIC_TASK || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
                continue; // checks on these need enableHistoricInstancePermissions, which is off
            }
            assertThat(can(groups, Permissions.ALL, resource)).as(resource.resourceName()).isTrue();
        }
    }

    @Test
    void userInServiceDeskMayStartButAuditorMayNot() {
        String desk = createUser(identityService, "authz-desk", Roles.SERVICE_DESK);
        String auditor = createUser(identityService, "authz-auditor", Roles.AUDITORS);

        assertThat(authorizationService.isUserAuthorized(desk, groupsOf(desk),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, IncidentModel.PROCESS_KEY)).isTrue();
        assertThat(authorizationService.isUserAuthorized(desk, groupsOf(desk),
                ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizationService.isUserAuthorized(auditor, groupsOf(auditor),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION)).isFalse();
        assertThat(authorizationService.isUserAuthorized(auditor, groupsOf(auditor),
                ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isTrue();
    }

    @Test
    void setupIsIdempotent() {
        long groups = identityService.createGroupQuery().count();
        long authorizations = authorizationService.createAuthorizationQuery().count();

        identitySetup.ensureGroupsAndAuthorizations();
        identitySetup.ensureGroupsAndAuthorizations();

        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    }

    @Test
    void resolverGroupsGetWorkingGroupAuthorizationsOnce() {
        String groupId = "resolver-" + UUID.randomUUID().toString().substring(0, 8);

        identitySetup.ensureResolverGroup(groupId);
        long authorizations = authorizationService.createAuthorizationQuery().groupIdIn(groupId).count();
        identitySetup.ensureResolverGroup(groupId);

        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        assertThat(group.getName()).isEqualTo(groupId);
        assertThat(group.getType()).isEqualTo("WORKFLOW");
        // Tasklist access and reading definitions (+ the engine's own READ on the group itself).
        assertThat(authorizations).isGreaterThanOrEqualTo(2);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(groupId).count()).isEqualTo(authorizations);
        assertWorkingGroupAuthorizations(groupId);

        assertThatThrownBy(() -> identitySetup.ensureResolverGroup(Roles.AUDITORS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> identitySetup.ensureResolverGroup(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** End to end through the engine REST API: each group sees and completes only its own work. */
    @Test
    void groupsStartAndWorkOnlyTheirOwnTasks() throws Exception {
        String key = "authzProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("work").camundaCandidateGroups(Roles.SERVICE_DESK)
                .endEvent()
                .done();
        String deploymentId = repositoryService.createDeployment().addModelInstance(key + ".bpmn", model)
                .deploy().getId();
        try {
            String desk = createUser(identityService, "e2e-desk", Roles.SERVICE_DESK);
            String triage = createUser(identityService, "e2e-triage", Roles.TRIAGE_TEAM);
            String auditor = createUser(identityService, "e2e-auditor", Roles.AUDITORS);
            String start = "/engine-rest/process-definition/key/" + key + "/start";

            // a process nobody was given to start (ProcessStarter): the engine and the app start it
            assertThat(postJson(port, start, basic(auditor, auditor + "-pw"), "{}").statusCode()).isEqualTo(403);
            assertThat(postJson(port, start, basic(desk, desk + "-pw"), "{}").statusCode()).isEqualTo(403);
            String instanceId = runtimeService.startProcessInstanceByKey(key).getId();

            String tasks = "/engine-rest/task?processInstanceId=" + instanceId;
            JsonNode deskTasks = json.readTree(get(port, tasks, basic(desk, desk + "-pw")).body());
            assertThat(deskTasks).hasSize(1);
            assertThat(json.readTree(get(port, tasks, basic(triage, triage + "-pw")).body())).isEmpty();
            assertThat(json.readTree(get(port, tasks, basic(auditor, auditor + "-pw")).body())).hasSize(1);

            String complete = "/engine-rest/task/" + deskTasks.get(0).get("id").asText() + "/complete";
            assertThat(postJson(port, complete, basic(triage, triage + "-pw"), "{}").statusCode()).isIn(403, 404);
            assertThat(postJson(port, complete, basic(auditor, auditor + "-pw"), "{}").statusCode()).isEqualTo(403);
            assertThat(postJson(port, complete, basic(desk, desk + "-pw"), "{}").statusCode()).isEqualTo(204);
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    /** Tasklist fetches the deployed Camunda Form of a start event as the logged-in user. */
    @Test
    void workingGroupReadsDeployedStartFormButAuditorMayNotStart() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String key = "formProbe" + suffix;
        String formId = "formProbeForm" + suffix;
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent().camundaFormRef(formId).camundaFormRefBinding("latest")
                .endEvent()
                .done();
        String form = """
                {"id": "%s", "type": "default", "schemaVersion": 4,
                 "components": [{"key": "summary", "label": "Summary", "type": "textfield"}]}""".formatted(formId);
        String deploymentId = repositoryService.createDeployment()
                .addModelInstance(key + ".bpmn", model)
                .addString(formId + ".form", form)
                .deploy().getId();
        // as an administrator would give the desk a new process of its own
        Authorization startGrant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        startGrant.setGroupId(Roles.SERVICE_DESK);
        startGrant.setResource(Resources.PROCESS_DEFINITION);
        startGrant.setResourceId(key);
        startGrant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(startGrant);
        try {
            String desk = createUser(identityService, "form-desk", Roles.SERVICE_DESK);
            String auditor = createUser(identityService, "form-auditor", Roles.AUDITORS);

            HttpResponse<String> deployedForm = get(port,
                    "/engine-rest/process-definition/key/" + key + "/deployed-start-form", basic(desk, desk + "-pw"));
            assertThat(deployedForm.statusCode()).isEqualTo(200);
            assertThat(deployedForm.body()).contains("\"summary\"");

            // Tasklist's "Start process" list: startable definitions the user may create instances of.
            String startable = "/engine-rest/process-definition?key=" + key + "&startablePermissionCheck=true";
            assertThat(json.readTree(get(port, startable, basic(desk, desk + "-pw")).body())).hasSize(1);
            assertThat(json.readTree(get(port, startable, basic(auditor, auditor + "-pw")).body())).isEmpty();

            HttpResponse<String> submitted = postJson(port, "/engine-rest/process-definition/key/" + key + "/submit-form",
                    basic(desk, desk + "-pw"), "{\"variables\": {\"summary\": {\"value\": \"Printer down\"}}}");
            assertThat(submitted.statusCode()).isEqualTo(200);
        } finally {
            authorizationService.deleteAuthorization(startGrant.getId());
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    private void assertWorkingGroupAuthorizations(String groupId) {
        List<String> groups = List.of(groupId);
        assertThat(can(groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(groupId).isTrue();
        assertThat(can(groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(groupId).isFalse();
        assertThat(can(groups, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION)).as(groupId).isTrue();
        assertThat(can(groups, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION))
                .as(groupId).isFalse();
        List<String> startable = ProcessStarter.processKeysStartableBy(groupId);
        for (String processKey : startable) {
            assertThat(can(groups, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    processKey)).as(groupId + " starts " + processKey).isTrue();
        }
        assertThat(can(groups, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE)).as(groupId)
                .isEqualTo(!startable.isEmpty());
        assertThat(can(groups, ProcessInstancePermissions.DELETE, Resources.PROCESS_INSTANCE)).as(groupId).isFalse();
        assertThat(can(groups, Permissions.CREATE, Resources.DEPLOYMENT)).as(groupId).isFalse();
    }

    private boolean can(List<String> groups, Permission permission, Resource resource) {
        return can(groups, permission, resource, "any-" + UUID.randomUUID());
    }

    private boolean can(List<String> groups, Permission permission, Resource resource, String resourceId) {
        return authorizationService.isUserAuthorized("probe-user", groups, permission, resource, resourceId);
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
