package io.incidentflow.security;

import io.incidentflow.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator end the wait after failed logins of a user at once. */
@RestController
@RequestMapping("/api/security/login-throttle")
@Tag(name = "Security", description = "Login throttling")
public class LoginThrottleController {

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    public LoginThrottleController(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    @DeleteMapping("/{userId}")
    @PreAuthorize(Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Unlock a user (camunda-admin): forget its failed logins from every client and "
            + "clear Camunda's lock of the user")
    public ResponseEntity<Void> unlock(@PathVariable String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new NotFoundException("user", userId);
        }
        throttle.clearUser(userId);
        identityService.unlockUser(userId);
        return ResponseEntity.noContent().build();
    }
}
