package io.incidentflow.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.security.AdminBootstrap;
import io.incidentflow.security.IdentitySetup;
import io.incidentflow.security.Roles;
import io.incidentflow.tasklist.TasklistFilters;
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
 * Demo profile ({@code --spring.profiles.active=demo}): one user per role group and per resolver
 * group of the demo catalog, all with the password {@value #DEMO_PASSWORD}. Their Tasklist filters are not
 * demo data: {@link TasklistFilters} creates them in every profile, also for the demo resolver groups.
 * FOR DEMONSTRATIONS ONLY: never activate this profile on a real installation. The administrator is
 * not a demo user: it follows {@link AdminBootstrap} (ADMIN_PASSWORD or a generated password).
 *
 * <p>Idempotent across restarts: existing users and memberships are kept
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

    public DemoSetup(IdentitySetup identitySetup, IdentityService identityService) {
        this.identitySetup = identitySetup;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        setUp();
    }

    public void setUp() {
        // The role groups exist already (IdentitySetup runs first); the demo catalog's resolver groups may not yet.
        DEMO_RESOLVER_GROUPS.forEach(identitySetup::ensureResolverGroup);

        DEMO_USERS.forEach(this::ensureUser);

        log.warn("""

                DEMO profile active: demo users {} (password '{}') were set up.
                Never use the demo profile on a real installation.""", DEMO_USERS.keySet(), DEMO_PASSWORD);
    }

    private void ensureUser(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            markAsDemo(user, TasklistFilters.filterName(groupId));
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
}
