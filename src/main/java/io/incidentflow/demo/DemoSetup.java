package io.incidentflow.demo;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.security.AdminBootstrap;
import io.incidentflow.security.IdentitySetup;
import io.incidentflow.security.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile ({@code --spring.profiles.active=demo}): one user per role group and per resolver
 * group of the demo catalog, all with the password {@value #DEMO_PASSWORD}, and Tasklist filters.
 * FOR DEMONSTRATIONS ONLY: never activate this profile on a real installation. The administrator is
 * not a demo user: it follows {@link AdminBootstrap} (ADMIN_PASSWORD or a generated password).
 *
 * <p>Idempotent across restarts: existing users, memberships, filters and authorizations are kept
 * as they are (a demo user's changed password stays changed).
 */
@Component
@Profile("demo")
@Order(DemoSetup.ORDER)
public class DemoSetup implements ApplicationRunner {

    public static final int ORDER = AdminBootstrap.ORDER + 10;
    public static final String DEMO_PASSWORD = "demo";

    /** Resolver groups named by the demo catalog (catalog/demo-services.yaml). */
    public static final List<String> DEMO_RESOLVER_GROUPS =
            List.of("network-team", "payments-team", "web-team", "workplace-team", "erp-team");

    /** Demo user id → group id. */
    public static final Map<String, String> DEMO_USERS;

    public static final String MY_TASKS_FILTER = "My tasks";

    /**
     * How a demo user is told from anyone else's: one of {@link #DEMO_USERS}, first name "Demo" and an email
     * {@code <id>@example.com}, as this class has always created them, so that {@link DemoUserCleanup} also finds
     * those of installations that ran the demo profile before.
     */
    static final String DEMO_FIRST_NAME = "Demo";
    static final String DEMO_EMAIL_SUFFIX = "@example.com";

    static {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("desk", Roles.SERVICE_DESK);
        users.put("triage", Roles.TRIAGE_TEAM);
        users.put("mim", Roles.MAJOR_INCIDENT_MANAGERS);
        users.put("comms", Roles.COMMUNICATIONS);
        users.put("continuity", Roles.CONTINUITY_MANAGERS);
        users.put("dr", Roles.DR_TEAM);
        users.put("auditor", Roles.AUDITORS);
        users.put("owner", Roles.PROCESS_OWNERS);
        for (String group : DEMO_RESOLVER_GROUPS) {
            users.put(group.replace("-team", ""), group); // network, payments, web, workplace, erp
        }
        DEMO_USERS = java.util.Collections.unmodifiableMap(users);
    }

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    private final IdentitySetup identitySetup;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    public DemoSetup(IdentitySetup identitySetup, IdentityService identityService,
                     AuthorizationService authorizationService, FilterService filterService, TaskService taskService) {
        this.identitySetup = identitySetup;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        setUp();
    }

    public void setUp() {
        // The role groups exist already (IdentitySetup runs first); the demo catalog's resolver groups may not yet.
        DEMO_RESOLVER_GROUPS.forEach(identitySetup::ensureResolverGroup);

        DEMO_USERS.forEach(this::ensureUser);

        ensureMyTasksFilter();
        int priority = 0;
        for (String group : taskGroups()) {
            ensureGroupFilter(group, ++priority);
        }

        log.warn("""

                DEMO profile active: demo users {} (password '{}') and Tasklist filters were set up.
                Never use the demo profile on a real installation.""", DEMO_USERS.keySet(), DEMO_PASSWORD);
    }

    /** Groups that work tasks and so get a Tasklist filter. */
    public static List<String> taskGroups() {
        List<String> groups = new ArrayList<>(Roles.WORKING_GROUPS);
        groups.addAll(DEMO_RESOLVER_GROUPS);
        return groups;
    }

    /** Filter name of a group's Tasklist filter, e.g. "Service desk", "Network team". */
    public static String filterName(String groupId) {
        String name = Roles.displayName(groupId);
        if (name.equals(groupId)) {
            name = groupId.replace('-', ' ');
            name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return name;
    }

    private void ensureUser(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            markAsDemo(user, filterName(groupId));
            user.setPassword(DEMO_PASSWORD);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    static void markAsDemo(User user, String lastName) {
        user.setFirstName(DEMO_FIRST_NAME);
        user.setLastName(lastName);
        user.setEmail(user.getId() + DEMO_EMAIL_SUFFIX);
    }

    /** Whether the demo profile created this user (see {@link #DEMO_FIRST_NAME}); the id is checked by the caller. */
    static boolean isMarkedAsDemo(User user) {
        return DEMO_FIRST_NAME.equals(user.getFirstName())
                && (user.getId() + DEMO_EMAIL_SUFFIX).equalsIgnoreCase(String.valueOf(user.getEmail()));
    }

    private void ensureMyTasksFilter() {
        Filter filter = findFilter(MY_TASKS_FILTER);
        if (filter == null) {
            TaskQuery query = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
            filter = saveFilter(MY_TASKS_FILTER, query, "Tasks assigned to me", -10);
        }
        // Readable by every user.
        if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            authorization.setUserId(ANY);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filter.getId());
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void ensureGroupFilter(String groupId, int priority) {
        String name = filterName(groupId);
        Filter filter = findFilter(name);
        if (filter == null) {
            TaskQuery query = taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks();
            filter = saveFilter(name, query, "Tasks for the group " + groupId + ", incl. those already claimed", priority);
        }
        // Readable by that group only.
        if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filter.getId());
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private Filter findFilter(String name) {
        List<Filter> filters = filterService.createTaskFilterQuery().filterName(name).list();
        return filters.isEmpty() ? null : filters.get(0);
    }

    private Filter saveFilter(String name, TaskQuery query, String description, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filterService.saveFilter(filter);
    }
}
