package io.incidentflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the Camunda groups of {@link Roles} and their authorizations once the engine is up.
 *
 * <p>Idempotent across restarts and safe when two cluster nodes start at once: a group or an
 * authorization is only created when it is missing; an existing one (possibly edited by an
 * administrator in the Admin webapp) is left as it is.
 *
 * <p>Candidate-group access to tasks is not granted here: the engine creates it when a group
 * becomes candidate of a task.
 *
 * <p>Least privilege: a group may start only the processes {@link ProcessStarter} gives it; only
 * {@code camunda-admin} deletes deployments or process instances. Grants that earlier versions created
 * broader are narrowed at start ({@link #narrowLegacyGrants()}).
 */
@Component
@Order(IdentitySetup.ORDER)
public class IdentitySetup implements ApplicationRunner {

    /** Runner order: groups first, then the admin user ({@link AdminBootstrap}), then demo data. */
    public static final int ORDER = 100;

    public static final String TASKLIST = "tasklist";
    public static final String COCKPIT = "cockpit";

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroupsAndAuthorizations();
    }

    /** Creates the SPEC role groups and their authorizations where missing. */
    public void ensureGroupsAndAuthorizations() {
        for (String groupId : Roles.WORKING_GROUPS) {
            ensureGroup(groupId, Roles.displayName(groupId), Roles.TYPE_WORKFLOW);
            grantWorkingGroup(groupId);
        }

        ensureGroup(Roles.AUDITORS, Roles.displayName(Roles.AUDITORS), Roles.TYPE_WORKFLOW);
        grantAuditors(Roles.AUDITORS);

        ensureGroup(Roles.PROCESS_OWNERS, Roles.displayName(Roles.PROCESS_OWNERS), Roles.TYPE_WORKFLOW);
        grantProcessOwners(Roles.PROCESS_OWNERS);

        ensureGroup(Roles.CAMUNDA_ADMIN, Roles.displayName(Roles.CAMUNDA_ADMIN), Roles.TYPE_SYSTEM);
        // As the starter's CreateAdminUserConfiguration does: ALL on every built-in resource.
        for (Resources resource : Resources.values()) {
            grant(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        narrowLegacyGrants();
        log.info("IncidentFlow groups and authorizations checked: {}", Roles.all());
    }

    /**
     * Creates a resolver group named by the service catalog (type WORKFLOW, name = id) with the
     * authorizations of every working group, if missing. Idempotent.
     */
    /** Every resolver group the service catalog names becomes a Camunda group its people can work in. */
    @EventListener
    public void onResolverGroupDeclared(ResolverGroupDeclared declared) {
        ensureResolverGroup(declared.groupId());
    }

    public void ensureResolverGroup(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("Resolver group id must not be blank");
        }
        if (Roles.isReserved(groupId)) {
            throw new IllegalArgumentException("'" + groupId + "' is a reserved role group, not a resolver group");
        }
        ensureGroup(groupId, groupId, Roles.TYPE_WORKFLOW);
        grantWorkingGroup(groupId);
    }

    /**
     * Tasklist with the definitions it shows, and starting the processes {@link ProcessStarter} gives the
     * group. Starting needs both CREATE_INSTANCE on the definition (per key) and CREATE on process instances.
     */
    private void grantWorkingGroup(String groupId) {
        grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        List<String> startable = ProcessStarter.processKeysStartableBy(groupId);
        for (String processKey : startable) {
            grant(groupId, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        if (!startable.isEmpty()) {
            grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        }
    }

    /** Cockpit and read-only access to definitions, decisions, instances, tasks and history. */
    private void grantAuditors(String groupId) {
        grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(groupId, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE,
                TaskPermissions.READ_HISTORY);
        grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(groupId, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ,
                HistoricTaskPermissions.READ_VARIABLE);
        grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(groupId, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    }

    /**
     * Cockpit, read of definitions, and deploying new versions of the models they own. Removing a
     * deployment (and with it running instances and history) is left to {@code camunda-admin}.
     */
    private void grantProcessOwners(String groupId) {
        grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    }

    /**
     * Databases set up by earlier versions hold broader grants, which {@link #grant} keeps because a grant
     * exists: CREATE_INSTANCE on every definition for working and resolver groups, DELETE on deployments
     * for process owners. Removes just those permissions; anything else in the grants stays as it is.
     */
    private void narrowLegacyGrants() {
        authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(ANY)
                .hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE)
                .list().stream()
                .filter(authorization -> isWorkingOrResolverGroup(authorization.getGroupId()))
                .forEach(authorization -> revoke(authorization, Resources.PROCESS_DEFINITION,
                        ProcessDefinitionPermissions.CREATE_INSTANCE));
        authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(Roles.PROCESS_OWNERS)
                .resourceType(Resources.DEPLOYMENT)
                .resourceId(ANY)
                .hasPermission(Permissions.DELETE)
                .list()
                .forEach(authorization -> revoke(authorization, Resources.DEPLOYMENT, Permissions.DELETE));
    }

    /** A role group that works tasks, or a group created for a catalog resolver group (WORKFLOW, no role). */
    private boolean isWorkingOrResolverGroup(String groupId) {
        if (groupId == null || Roles.isReserved(groupId)) {
            return false;
        }
        return Roles.WORKING_GROUPS.contains(groupId) || identityService.createGroupQuery()
                .groupId(groupId).groupType(Roles.TYPE_WORKFLOW).count() > 0;
    }

    private void revoke(Authorization authorization, Resource resource, Permission permission) {
        authorization.removePermission(permission);
        try {
            authorizationService.saveAuthorization(authorization);
            log.info("Narrowed an earlier version's grant: group '{}' no longer has {} on {} '{}'",
                    authorization.getGroupId(), permission.getName(), resource.resourceName(),
                    authorization.getResourceId());
        } catch (OptimisticLockingException e) {
            // Another node narrowed the same grant at the same moment.
            log.debug("Grant {} was changed concurrently", authorization.getId(), e);
        }
    }

    private void ensureGroup(String groupId, String name, String type) {
        if (groupExists(groupId)) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(type);
        try {
            identityService.saveGroup(group);
            log.info("Created Camunda group '{}' ({})", groupId, name);
        } catch (RuntimeException e) {
            // Another node may have created it at the same moment.
            if (!groupExists(groupId)) {
                throw e;
            }
        }
    }

    private boolean groupExists(String groupId) {
        return identityService.createGroupQuery().groupId(groupId).count() > 0;
    }

    /** Creates a GRANT authorization for the group on the resource if the group has none there yet. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (grantExists(groupId, resource, resourceId)) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        try {
            authorizationService.saveAuthorization(authorization);
            if (log.isDebugEnabled()) {
                log.debug("Granted {} on {} '{}' to group '{}'", Arrays.toString(permissions),
                        resource.resourceName(), resourceId, groupId);
            }
        } catch (RuntimeException e) {
            if (!grantExists(groupId, resource, resourceId)) {
                throw e;
            }
        }
    }

    private boolean grantExists(String groupId, Resource resource, String resourceId) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count() > 0;
    }
}
