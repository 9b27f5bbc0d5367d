package io.incidentflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Category;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.incident.Priority;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.incident.process.IncidentProcess;
import io.incidentflow.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tasklist filters exist in every profile (here: test, without demo data), once, each for its group. */
@IncidentFlowTest
class TasklistFiltersTest {

    @Autowired TasklistFilters tasklistFilters;
    @Autowired FilterService filterService;
    @Autowired AuthorizationService authorizationService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired IncidentProcess incidentProcess;
    @Autowired IncidentDriver driver;

    @Test
    void everyWorkingGroupHasAFilterReadableByThatGroupOnly() {
        List<String> groups = tasklistFilters.taskGroups();
        assertThat(groups).containsAll(Roles.WORKING_GROUPS).contains("erp-team")
                .doesNotContain(Roles.AUDITORS, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN);
        for (String group : groups) {
            Filter filter = appFilter(TasklistFilters.filterName(group));
            List<Authorization> grants = authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).list();
            assertThat(grants).as(group).singleElement().satisfies(grant -> {
                assertThat(grant.getGroupId()).isEqualTo(group);
                assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            });
            assertThat(filter.getProperties()).as(group).containsEntry("variables", TasklistFilters.CARD_VARIABLES);
        }
        assertThat(TasklistFilters.filterName(Roles.SERVICE_DESK)).isEqualTo("Service desk");
        assertThat(TasklistFilters.filterName("erp-team")).isEqualTo("Erp team");
    }

    @Test
    void aGroupMemberSeesTheirGroupsFilterAndMyTasksButNotAnotherGroupsFilter() {
        assertThat(visibleFilters("desk-" + UUID.randomUUID(), Roles.SERVICE_DESK))
                .contains(TasklistFilters.MY_TASKS, "Service desk")
                .doesNotContain("Triage team", "Erp team", "Continuity managers");
        assertThat(visibleFilters("erp-" + UUID.randomUUID(), "erp-team"))
                .contains(TasklistFilters.MY_TASKS, "Erp team")
                .doesNotContain("Service desk");
        assertThat(visibleFilters("auditor-" + UUID.randomUUID(), Roles.AUDITORS))
                .containsExactly(TasklistFilters.MY_TASKS);
    }

    @Test
    void groupFilterListsTheMostUrgentIncidentFirstWithClaimedTasksAndMyTasksShowsMine() {
        Incident p3 = log(Level.MEDIUM, false); // on a supporting service: P3
        Incident p1 = log(Level.HIGH, true); // P2 raised to P1 for a VIP caller; logged later, listed first
        assertThat(p3.getPriority()).isEqualTo(Priority.P3);
        assertThat(p1.getPriority()).isEqualTo(Priority.P1);
        Task p3Diagnosis = driver.task(p3.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);
        Task p1Diagnosis = driver.task(p1.getId(), IncidentModel.TASK_INITIAL_DIAGNOSIS);
        String agent = "desk-" + UUID.randomUUID();

        List<String> listed = taskIdsOf(appFilter("Service desk"), agent, Roles.SERVICE_DESK);
        assertThat(listed).containsSubsequence(p1Diagnosis.getId(), p3Diagnosis.getId());
        assertThat(taskIdsOf(appFilter(TasklistFilters.MY_TASKS), agent, Roles.SERVICE_DESK))
                .doesNotContain(p3Diagnosis.getId());

        taskService.claim(p3Diagnosis.getId(), agent);

        assertThat(taskIdsOf(appFilter("Service desk"), agent, Roles.SERVICE_DESK)).contains(p3Diagnosis.getId());
        assertThat(taskIdsOf(appFilter(TasklistFilters.MY_TASKS), agent, Roles.SERVICE_DESK))
                .contains(p3Diagnosis.getId());
    }

    @Test
    void runningAgainCreatesNothingAndLeavesAUsersFilterOfTheSameNameAlone() {
        Filter own = filterService.newTaskFilter("Service desk").setOwner("desk-lead")
                .setQuery(taskService.createTaskQuery().taskCandidateGroup(Roles.SERVICE_DESK).taskNameLike("%caller%"))
                .setProperties(Map.of("description", "Mine", "color", "#ff0000"));
        own = filterService.saveFilter(own);
        try {
            long filters = filterService.createFilterQuery().count();
            long authorizations = authorizationService.createAuthorizationQuery().count();
            long ownersGrants = grantsOn(own); // the engine grants a filter's owner ALL on it

            tasklistFilters.ensureFilters();

            assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
            assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
            Filter after = filterService.getFilter(own.getId());
            assertThat(after.getOwner()).isEqualTo("desk-lead");
            assertThat(after.getProperties()).isEqualTo(Map.of("description", "Mine", "color", "#ff0000"));
            assertThat(grantsOn(own)).isEqualTo(ownersGrants);
            assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(own.getId()).groupIdIn(Roles.SERVICE_DESK).count()).isZero();
            assertThat(filterService.createTaskFilterQuery().filterName("Service desk").list())
                    .filteredOn(filter -> filter.getOwner() == null).hasSize(1);
        } finally {
            filterService.deleteFilter(own.getId());
        }
    }

    private Incident log(Level urgency, boolean vipCaller) {
        return incidentProcess.log(new NewIncident("Invoices stuck " + UUID.randomUUID(), "Since 10:02", "jane.doe",
                vipCaller, "erp", Category.SOFTWARE, Level.MEDIUM, urgency), IncidentSource.API);
    }

    private long grantsOn(Filter filter) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId()).count();
    }

    private Filter appFilter(String name) {
        List<Filter> filters = filterService.createTaskFilterQuery().filterName(name).list().stream()
                .filter(filter -> filter.getOwner() == null).toList();
        assertThat(filters).as(name).hasSize(1);
        return filters.get(0);
    }

    private List<String> visibleFilters(String user, String group) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> taskIdsOf(Filter filter, String user, String group) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
