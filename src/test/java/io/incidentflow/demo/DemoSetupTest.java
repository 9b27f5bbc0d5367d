package io.incidentflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.incidentflow.WebappSession;
import io.incidentflow.security.Roles;
import io.incidentflow.tasklist.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile, on its own in-memory database so the shared "test" context stays free of demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // An engine of its own name: the webapps and engine REST find engines by name in a JVM-wide
        // registry, where a second "default" engine would replace the shared test context's.
        properties = {"spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
                "camunda.bpm.process-engine-name=" + DemoSetupTest.ENGINE})
@ActiveProfiles({"test", "demo"})
class DemoSetupTest {

    static final String ENGINE = "demo";

    @LocalServerPort
    int port;

    @Autowired
    DemoSetup demoSetup;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Test
    void demoUsersExistInTheirGroupsWithTheDemoPassword() {
        assertThat(DemoSetup.DEMO_USERS).containsKeys("desk", "triage", "mim", "comms", "continuity", "dr", "auditor",
                "owner", "network", "payments", "web", "workplace", "erp");
        DemoSetup.DEMO_USERS.forEach((user, group) -> {
            assertThat(identityService.checkPassword(user, DemoSetup.DEMO_PASSWORD)).as(user).isTrue();
            assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count()).as(user).isEqualTo(1);
        });
        for (String group : DemoSetup.DEMO_RESOLVER_GROUPS) {
            Group resolver = identityService.createGroupQuery().groupId(group).singleResult();
            assertThat(resolver).as(group).isNotNull();
            assertThat(resolver.getType()).isEqualTo("WORKFLOW");
        }
    }

    /** The filters are not demo data, but the demo catalog's resolver groups get theirs like any other. */
    @Test
    void demoResolverGroupsHaveTheirTasklistFilters() {
        for (String group : DemoSetup.DEMO_RESOLVER_GROUPS) {
            Filter filter = filterService.createTaskFilterQuery().filterName(TasklistFilters.filterName(group))
                    .singleResult();
            assertThat(filter).as(group).isNotNull();
            List<Authorization> grants = authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).list();
            assertThat(grants).as(group).singleElement().satisfies(grant -> {
                assertThat(grant.getGroupId()).isEqualTo(group);
                assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            });
        }
        assertThat(TasklistFilters.filterName("network-team")).isEqualTo("Network team");
    }

    @Test
    void setupIsIdempotent() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        long authorizations = authorizationService.createAuthorizationQuery().count();

        demoSetup.setUp();

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    }

    @Test
    void demoUsersLogInToTheirWebapps() throws Exception {
        assertThat(webappLogin("tasklist", "desk", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(webappLogin("tasklist", "network", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(webappLogin("cockpit", "auditor", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(webappLogin("cockpit", "owner", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(200);

        // No Tasklist for auditors, no Cockpit for the service desk, no admin app for either.
        assertThat(webappLogin("tasklist", "auditor", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(webappLogin("cockpit", "desk", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(webappLogin("admin", "desk", DemoSetup.DEMO_PASSWORD).statusCode()).isEqualTo(403);
        // (a wrong password is not tried on a demo user: Camunda would then delay that user's next logins)
        assertThat(webappLogin("tasklist", "no-such-user", "demo").statusCode()).isEqualTo(401);
    }

    /**
     * Logs in as the webapps' login page does: a first GET gives the session and the CSRF token (cookie
     * XSRF-TOKEN, Camunda's own CSRF protection), then POST /camunda/api/admin/auth/user/{engine}/login/{app}
     * with the form fields username and password and the token in the X-XSRF-TOKEN header.
     */
    private HttpResponse<String> webappLogin(String app, String user, String password) throws Exception {
        return WebappSession.open(port, ENGINE, app).login(user, password);
    }

    @Test
    void webappLoginWithoutCsrfTokenIsRefusedByCamunda() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=desk&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    }


}
