package io.incidentflow.security;

import static io.incidentflow.security.SecurityTestSupport.basic;
import static io.incidentflow.security.SecurityTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    @LocalServerPort
    int port;

    @Autowired
    AdminBootstrap adminBootstrap;

    @Autowired
    AdminProperties adminProperties;

    @Autowired
    IdentityService identityService;

    private String userId;

    @AfterEach
    void deleteUser() {
        if (userId != null) {
            identityService.deleteUser(userId);
        }
    }

    @Test
    void configuredAdminFromStartupCanLogIn() throws Exception {
        assertThat(identityService.checkPassword(adminProperties.userId(), adminProperties.password())).isTrue();
        assertThat(identityService.createUserQuery().userId(adminProperties.userId())
                .memberOfGroup(Roles.CAMUNDA_ADMIN).count()).isEqualTo(1);
        assertThat(get(port, "/engine-rest/user/count",
                basic(adminProperties.userId(), adminProperties.password())).statusCode()).isEqualTo(200);
    }

    @Test
    void generatedPasswordIsLoggedOnlyOnCreationAndNeverChanged(CapturedOutput output) {
        userId = "genadmin" + UUID.randomUUID().toString().substring(0, 8);

        AdminBootstrap.Result first = adminBootstrap.ensureAdmin(userId, "");

        assertThat(first.created()).isTrue();
        String password = first.generatedPassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20)
                .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]").containsPattern("[^a-zA-Z0-9]");
        assertThat(identityService.checkPassword(userId, password)).isTrue();
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(Roles.CAMUNDA_ADMIN).count())
                .isEqualTo(1);
        assertThat(output.getOut()).contains("GENERATED password", "user id:  " + userId, "password: " + password,
                adminBootstrap.webappsUrl());
        int logged = output.getOut().length();

        // Second run (e.g. a restart): neither a new password nor the old one is printed or set.
        AdminBootstrap.Result second = adminBootstrap.ensureAdmin(userId, "");
        assertThat(second.created()).isFalse();
        assertThat(second.generatedPassword()).isNull();
        assertThat(output.getOut().substring(logged)).doesNotContain(password).doesNotContain("GENERATED password");
        assertThat(identityService.checkPassword(userId, password)).isTrue();
    }

    @Test
    void configuredPasswordIsUsedOnCreationOnly(CapturedOutput output) throws Exception {
        userId = "cfgadmin" + UUID.randomUUID().toString().substring(0, 8);
        String configured = "Configured-" + UUID.randomUUID();

        AdminBootstrap.Result first = adminBootstrap.ensureAdmin(userId, configured);
        assertThat(first.created()).isTrue();
        assertThat(first.passwordGenerated()).isFalse();
        assertThat(output.getOut()).doesNotContain(configured).doesNotContain("GENERATED password");

        // That password works against the (non-anonymous) engine REST API as an administrator.
        assertThat(get(port, "/engine-rest/group/count", basic(userId, configured)).statusCode()).isEqualTo(200);

        // A later run with another ADMIN_PASSWORD does not change the existing user's password.
        AdminBootstrap.Result second = adminBootstrap.ensureAdmin(userId, "Other-" + UUID.randomUUID());
        assertThat(second.created()).isFalse();
        assertThat(identityService.checkPassword(userId, configured)).isTrue();
    }
}
