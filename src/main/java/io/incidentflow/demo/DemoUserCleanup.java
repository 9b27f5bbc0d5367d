package io.incidentflow.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.incidentflow.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Without the demo profile, the demo users (known password "demo") must not stay behind in a database that once
 * ran it. Removes only users the demo created: a demo id that also carries the demo marker
 * ({@link DemoSetup#isMarkedAsDemo}), and never a member of {@code camunda-admin}; a user someone else created
 * under a demo id (an agent called "desk") stays.
 */
@Component
@Profile("!demo")
@Order(DemoSetup.ORDER)
public class DemoUserCleanup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUserCleanup.class);

    private final IdentityService identityService;

    public DemoUserCleanup(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        removeDemoUsers(DemoSetup.DEMO_USERS.keySet());
    }

    /** @return the ids removed */
    public List<String> removeDemoUsers(Collection<String> demoUserIds) {
        List<String> removed = new ArrayList<>();
        for (String userId : demoUserIds) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user != null && DemoSetup.isMarkedAsDemo(user) && identityService.createUserQuery().userId(userId)
                    .memberOfGroup(Roles.CAMUNDA_ADMIN).count() == 0) {
                identityService.deleteUser(userId);
                removed.add(userId);
            }
        }
        if (!removed.isEmpty()) {
            log.warn("The demo profile is off: removed the demo users {} (password '{}') left by an earlier start",
                    removed, DemoSetup.DEMO_PASSWORD);
        }
        return removed;
    }
}
