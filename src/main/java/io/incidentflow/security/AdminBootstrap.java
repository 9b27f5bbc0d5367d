package io.incidentflow.security;

import java.security.SecureRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator ({@code incidentflow.admin.user-id}) in {@code camunda-admin} if it does
 * not exist, and tells on every start where to log in.
 *
 * <p>The password is {@code incidentflow.admin.password} (env {@code ADMIN_PASSWORD}); when that is
 * blank a strong random password is generated and logged once, on creation only. An existing user's
 * password is never changed.
 */
@Component
@Order(AdminBootstrap.ORDER)
public class AdminBootstrap implements ApplicationRunner {

    public static final int ORDER = IdentitySetup.ORDER + 10;

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "-_.!+=";
    private static final int GENERATED_LENGTH = 24;

    private final IdentityService identityService;
    private final AdminProperties properties;
    private final String publicUrl;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();

    public AdminBootstrap(IdentityService identityService, AdminProperties properties,
                          @Value("${incidentflow.public-url:http://localhost:8080}") String publicUrl,
                          Environment environment) {
        this.identityService = identityService;
        this.properties = properties;
        this.publicUrl = stripTrailingSlash(publicUrl);
        this.environment = environment;
    }

    /** What {@link #ensureAdmin} did. {@code generatedPassword} is set only when one was generated. */
    public record Result(String userId, boolean created, String generatedPassword) {
        public boolean passwordGenerated() {
            return generatedPassword != null;
        }

        @Override
        public String toString() {
            return "Result[userId=" + userId + ", created=" + created + ", passwordGenerated=" + passwordGenerated() + "]";
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        Result result = ensureAdmin(properties.userId(), properties.password());
        logAccessInfo(result);
    }

    /**
     * Creates the admin user in {@code camunda-admin} unless a user with that id exists. Never changes
     * an existing user. Requires the {@code camunda-admin} group ({@link IdentitySetup}).
     */
    public Result ensureAdmin(String userId, String configuredPassword) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return new Result(userId, false, null);
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? generatePassword() : configuredPassword;

        User user = identityService.newUser(userId);
        user.setFirstName("IncidentFlow");
        user.setLastName("Administrator");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(userId, Roles.CAMUNDA_ADMIN);

        if (generate) {
            String line = "=".repeat(78);
            log.warn("""

                    {}
                    IncidentFlow administrator created with a GENERATED password (shown only this once):
                      user id:  {}
                      password: {}
                      log in:   {}
                    Change it in the Camunda Admin webapp (My profile), or set ADMIN_PASSWORD before
                    the first start next time. It is not stored anywhere else and not printed again.
                    {}""", line, userId, password, webappsUrl(), line);
        } else {
            log.info("IncidentFlow administrator '{}' created with the password from ADMIN_PASSWORD "
                    + "(incidentflow.admin.password)", userId);
        }
        return new Result(userId, true, generate ? password : null);
    }

    private void logAccessInfo(Result result) {
        String how;
        if (result.passwordGenerated()) {
            how = "as '" + result.userId() + "' with the generated password printed above";
        } else if (result.created()) {
            how = "as '" + result.userId() + "' with the password from ADMIN_PASSWORD";
        } else {
            how = "as '" + result.userId() + "' with the password it was created with "
                    + "(ADMIN_PASSWORD at that time, or the one printed at first start)";
            if (properties.password() != null && !properties.password().isBlank()
                    && result.userId().equals(properties.userId())) {
                how += "; ADMIN_PASSWORD is only used when the user is created, it does not change an existing password";
            }
        }
        log.info("""

                IncidentFlow is up.
                  Cockpit / Tasklist / Admin: {}  (log in {})
                  API documentation (Swagger UI): {}/swagger-ui.html  (API calls use HTTP Basic with a Camunda user)""",
                webappsUrl(), how, publicUrl());
    }

    /** Login URL of the Camunda webapps. */
    public String webappsUrl() {
        return publicUrl() + "/camunda/app/";
    }

    /** {@code incidentflow.public-url}; with server.port=0 (random port) the port actually in use. */
    private String publicUrl() {
        String localPort = environment.getProperty("local.server.port");
        if (publicUrl.endsWith(":0") && localPort != null) {
            return publicUrl.substring(0, publicUrl.length() - 1) + localPort;
        }
        return publicUrl;
    }

    /** A random password with lower and upper case letters, digits and a special character. */
    String generatePassword() {
        String all = LOWER + UPPER + DIGITS + SPECIAL;
        while (true) {
            StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
            for (int i = 0; i < GENERATED_LENGTH; i++) {
                sb.append(all.charAt(random.nextInt(all.length())));
            }
            String candidate = sb.toString();
            if (containsAny(candidate, LOWER) && containsAny(candidate, UPPER)
                    && containsAny(candidate, DIGITS) && containsAny(candidate, SPECIAL)) {
                return candidate;
            }
        }
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
