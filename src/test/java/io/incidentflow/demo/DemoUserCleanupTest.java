package io.incidentflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.security.Roles;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Outside the demo profile (here: the shared "test" context) demo users are removed, and only they. */
@IncidentFlowTest
class DemoUserCleanupTest {

    @Autowired ApplicationContext context;
    @Autowired DemoUserCleanup cleanup;
    @Autowired IdentityService identity;

    @Test
    void onlyUsersTheDemoCreatedAreRemoved() {
        String demo = user("demo-made", true);
        String sameIdShape = user("someone-made", false);
        String admin = user("demo-marked-admin", true);
        identity.createMembership(admin, Roles.CAMUNDA_ADMIN);
        String renamed = user("demo-renamed", true);
        User edited = identity.createUserQuery().userId(renamed).singleResult();
        edited.setEmail("real.person@company.test");
        identity.saveUser(edited);

        List<String> removed = cleanup.removeDemoUsers(List.of(demo, sameIdShape, admin, renamed, "no-such-user"));

        assertThat(removed).containsExactly(demo);
        assertThat(identity.createUserQuery().userId(demo).count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup(Roles.SERVICE_DESK).userId(demo).count()).isZero();
        assertThat(identity.createUserQuery().userIdIn(sameIdShape, admin, renamed).count()).isEqualTo(3);
    }

    @Test
    void atStartItLooksForTheDemoUsersOnlyWhenTheDemoProfileIsOff() {
        assertThat(context.getBeansOfType(DemoSetup.class)).isEmpty();
        assertThat(DemoSetup.DEMO_USERS).containsKeys("desk", "owner", "erp");
        // the demo ids tests create with TestUsers carry no demo marker and survive
        assertThat(cleanup.removeDemoUsers(DemoSetup.DEMO_USERS.keySet())).isEmpty();
    }

    private String user(String prefix, boolean markedAsDemo) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        if (markedAsDemo) {
            DemoSetup.markAsDemo(user, "Service desk");
        }
        user.setPassword(id + "-pw");
        identity.saveUser(user);
        identity.createMembership(id, Roles.SERVICE_DESK);
        return id;
    }
}
