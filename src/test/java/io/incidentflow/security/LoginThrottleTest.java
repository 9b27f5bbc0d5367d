package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.basic;
import static io.incidentflow.security.SecurityTestSupport.createUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.security.ClientAddressHttp.Response;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins slow down only the client that made them, on all three login paths. Each test is its own
 * clients (loopback addresses of its own), so the counts of one never reach another. The throttle runs
 * on the engine's clock, which the tests move instead of sleeping.
 */
@IncidentFlowTest
class LoginThrottleTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.systemTimeUntilSet();

    /** More wrong passwords than Camunda's default limit (10) before it locks a user for good. */
    private static final int WRONG_PASSWORDS = 11;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    AdminProperties admin;

    @Autowired
    LoginThrottleProperties throttleProperties;

    private Instant now;

    /** One way of logging in: answers the status a good login gives, 401 for a wrong password. */
    @FunctionalInterface
    private interface Login {
        Response send(String client, String userId, String password) throws Exception;
    }

    @BeforeEach
    void freezeEngineClock() {
        now = Instant.now();
        clock.set(now);
    }

    @Test
    void apiStrangerCannotLockOutAUser() throws Exception {
        strangerCannotLockOut(this::apiLogin, "127.0.1.1", "127.0.1.2");
    }

    @Test
    void engineRestStrangerCannotLockOutAUser() throws Exception {
        strangerCannotLockOut(this::engineRestLogin, "127.0.2.1", "127.0.2.2");
    }

    @Test
    void webappStrangerCannotLockOutAUser() throws Exception {
        strangerCannotLockOut(this::webappLogin, "127.0.3.1", "127.0.3.2");
    }

    @Test
    void passwordSprayingFromOneAddressIsSlowedDownForEveryUser() throws Exception {
        String sprayer = "127.0.4.1";
        String user = createUser(identityService, "sprayed", Roles.SERVICE_DESK);
        for (int i = 0; i <= throttleProperties.clientFreeFailures(); i++) {
            assertThat(apiLogin(sprayer, "nobody-" + UUID.randomUUID(), "Summer2026!").status()).isEqualTo(401);
        }

        Response next = apiLogin(sprayer, user, "Summer2026!");
        assertThat(next.status()).isEqualTo(429);
        assertThat(next.header("Retry-After")).isPresent();
        assertThat(apiLogin("127.0.4.2", user, TestUsers.password(user)).status()).isEqualTo(200);
    }

    @Test
    void adminUnlocksAUser() throws Exception {
        String client = "127.0.5.1";
        String user = createUser(identityService, "unlocked", Roles.SERVICE_DESK);
        for (int i = 0; i <= throttleProperties.freeFailures(); i++) {
            assertThat(apiLogin(client, user, "wrong").status()).isEqualTo(401);
        }
        assertThat(apiLogin(client, user, TestUsers.password(user)).status()).isEqualTo(429);

        String desk = createUser(identityService, "unlock-desk", Roles.SERVICE_DESK);
        assertThat(unlock(user, basic(desk, TestUsers.password(desk))).status()).isEqualTo(403);
        assertThat(unlock(user, null).status()).isEqualTo(401);
        assertThat(apiLogin(client, user, TestUsers.password(user)).status()).isEqualTo(429);

        Response unknown = unlock("no-such-user-" + UUID.randomUUID(), basic(admin.userId(), admin.password()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("no-such-user-");

        assertThat(unlock(user, basic(admin.userId(), admin.password())).status()).isEqualTo(204);
        assertThat(apiLogin(client, user, TestUsers.password(user)).status()).isEqualTo(200);
    }

    @Test
    void firstUserSetupIsClosed() throws Exception {
        String intruder = "intruder" + UUID.randomUUID().toString().substring(0, 8);
        Response response = ClientAddressHttp.send("127.0.6.1", port, "POST",
                "/camunda/api/admin/setup/default/user/create", Map.of("Content-Type", "application/json"),
                "{\"profile\":{\"id\":\"" + intruder + "\",\"firstName\":\"I\",\"lastName\":\"N\"},"
                        + "\"credentials\":{\"password\":\"Intruder-Secret-1\"}}");

        assertThat(response.status()).isEqualTo(403);
        // refused by the application, not by Camunda's own check that no user exists yet
        assertThat(response.body()).contains("Not exposed");
        assertThat(identityService.createUserQuery().userId(intruder).count()).isZero();
    }

    /**
     * 11 wrong passwords from one address (waiting out each delay, so every one reaches the engine), then
     * the right one: from another address it works at once, from the same one only after the delay; and
     * Camunda has not locked the user.
     */
    private void strangerCannotLockOut(Login login, String stranger, String elsewhere) throws Exception {
        String user = createUser(identityService, "throttled", Roles.SERVICE_DESK);
        String password = TestUsers.password(user);
        for (int i = 0; i < WRONG_PASSWORDS; i++) {
            Response wrong = login.send(stranger, user, "wrong-" + i);
            if (wrong.status() == 429) {
                advance(retryAfter(wrong));
                wrong = login.send(stranger, user, "wrong-" + i);
            }
            assertThat(wrong.status()).as("wrong password %d", i + 1).isEqualTo(401);
        }

        assertThat(login.send(elsewhere, user, password).status()).isEqualTo(200);

        Response waiting = login.send(stranger, user, password);
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.body()).contains("Too many failed logins");
        long retryAfter = retryAfter(waiting);
        assertThat(retryAfter).isPositive();
        advance(retryAfter - 1);
        assertThat(login.send(stranger, user, password).status()).isEqualTo(429);
        advance(1);
        assertThat(login.send(stranger, user, password).status()).isEqualTo(200);
        // the success cleared that address's count for the user: a typo is just a wrong password again
        assertThat(login.send(stranger, user, "typo").status()).isEqualTo(401);

        assertThat(identityService.checkPassword(user, password)).isTrue();
    }

    private Response apiLogin(String client, String userId, String password) throws Exception {
        return ClientAddressHttp.send(client, port, "GET", "/api/services",
                Map.of("Authorization", basic(userId, password)), null);
    }

    private Response engineRestLogin(String client, String userId, String password) throws Exception {
        return ClientAddressHttp.send(client, port, "GET", "/engine-rest/process-definition/count",
                Map.of("Authorization", basic(userId, password)), null);
    }

    /**
     * The form the Camunda webapps' login page posts, as a browser does: first the page, for the session and
     * CSRF token cookies, then the form with the token.
     */
    private Response webappLogin(String client, String userId, String password) throws Exception {
        Response page = ClientAddressHttp.send(client, port, "GET", "/camunda/app/welcome/default/", Map.of(), null);
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String setCookie : page.headers("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(cookies).containsKey("XSRF-TOKEN");
        return ClientAddressHttp.send(client, port, "POST", "/camunda/api/admin/auth/user/default/login/welcome",
                Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")),
                        "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN")),
                "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private Response unlock(String userId, String authorization) throws Exception {
        return ClientAddressHttp.send("127.0.0.1", port, "DELETE", "/api/security/login-throttle/" + userId,
                authorization == null ? Map.of() : Map.of("Authorization", authorization), null);
    }

    private static long retryAfter(Response response) {
        return Long.parseLong(response.header("Retry-After").orElseThrow());
    }

    private void advance(long seconds) {
        now = now.plusSeconds(seconds);
        clock.set(now);
    }
}
