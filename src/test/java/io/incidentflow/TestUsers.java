package io.incidentflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Camunda users for API tests, created once per shared test context; the password is the id + "-pw". */
public final class TestUsers {

    private TestUsers() {
    }

    /** The user {@code userId}, created in these groups if it does not exist yet. */
    public static String ensure(IdentityService identity, String userId, String... groupIds) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(password(userId));
            identity.saveUser(user);
            for (String group : groupIds) {
                identity.createMembership(userId, group);
            }
        }
        return userId;
    }

    public static String password(String userId) {
        return userId + "-pw";
    }
}
