package io.incidentflow.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.incidentflow.security.ResolverGroupDeclared;

import io.incidentflow.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every installation starts with: "My tasks" for everyone and one filter per working
 * group (role groups that work tasks and the catalog's resolver groups), readable by that group only. Each
 * lists the group's tasks, also those already claimed, most urgent incident first, then the earliest due date,
 * with the incident id, title and priority on every card.
 *
 * <p>Runs at every start, after the groups exist, and for each resolver group the catalog declares later.
 * A filter is the app's when it has its name and no owner (Tasklist makes a user's filters theirs): one that
 * exists is left as it is, so an administrator's changes stay and nothing is created twice; users' own
 * filters, even of the same name, are never touched.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the identity, admin and demo setups: the groups exist by then
public class TasklistFilters implements ApplicationRunner {

    public static final String MY_TASKS = "My tasks";

    /** What each card shows besides the task name, in the filter property Tasklist reads ({@code variables}). */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", TaskCardVariables.INCIDENT.name(), "label", "Incident"),
            Map.of("name", TaskCardVariables.INCIDENT_TITLE.name(), "label", "Title"),
            Map.of("name", TaskCardVariables.INCIDENT_PRIORITY.name(), "label", "Priority"));

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    public TasklistFilters(FilterService filterService, TaskService taskService,
                           AuthorizationService authorizationService, IdentityService identityService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureFilters();
    }

    public void ensureFilters() {
        ensureMyTasksFilter();
        List<String> groups = taskGroups();
        groups.forEach(this::ensureGroupFilter);
        log.info("Tasklist filters checked: '{}' and one per group {}", MY_TASKS, groups);
    }

    @EventListener
    public void onResolverGroupDeclared(ResolverGroupDeclared declared) {
        ensureGroupFilter(declared.groupId());
    }

    /** The working role groups, then the resolver groups (WORKFLOW groups without a role) by id. */
    public List<String> taskGroups() {
        List<String> groups = new ArrayList<>(Roles.WORKING_GROUPS);
        identityService.createGroupQuery().groupType(Roles.TYPE_WORKFLOW).orderByGroupId().asc().list().stream()
                .map(Group::getId)
                .filter(id -> !Roles.DISPLAY_NAMES.containsKey(id))
                .forEach(groups::add);
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

    private void ensureMyTasksFilter() {
        Filter filter = appFilter(MY_TASKS).orElseGet(() -> save(MY_TASKS,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), "Tasks assigned to me", -10));
        if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
            Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            everyone.setUserId(ANY);
            grantRead(everyone, filter);
        }
    }

    private void ensureGroupFilter(String groupId) {
        String name = filterName(groupId);
        Filter filter = appFilter(name).orElseGet(() -> save(name,
                taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks(),
                "Tasks for the group " + groupId + ", incl. those already claimed",
                Roles.WORKING_GROUPS.contains(groupId) ? Roles.WORKING_GROUPS.indexOf(groupId) + 1 : 10));
        if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
            Authorization group = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            group.setGroupId(groupId);
            grantRead(group, filter);
        }
    }

    private Optional<Filter> appFilter(String name) {
        return filterService.createTaskFilterQuery().filterName(name).list().stream()
                .filter(filter -> filter.getOwner() == null)
                .findFirst();
    }

    private Filter save(String name, TaskQuery query, String description, int listPosition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", listPosition);
        properties.put("refresh", true);
        properties.put("variables", CARD_VARIABLES);
        properties.put("showUndefinedVariable", false);
        // Most urgent incident first, then what is due soonest: the order people should work in.
        query.orderByTaskPriority().desc().orderByDueDate().asc();
        return filterService.saveFilter(filterService.newTaskFilter(name).setQuery(query).setProperties(properties));
    }

    private void grantRead(Authorization authorization, Filter filter) {
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filter.getId());
        authorization.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(authorization);
    }
}
