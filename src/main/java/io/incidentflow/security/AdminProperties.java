package io.incidentflow.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code incidentflow.admin.*}: the administrator created at first start.
 *
 * @param userId   Camunda user id of the administrator (env {@code ADMIN_USER}, default {@code admin})
 * @param password password used when the user is created (env {@code ADMIN_PASSWORD}); blank means a
 *                 strong random password is generated and printed once. There is no default password.
 */
@ConfigurationProperties("incidentflow.admin")
@Validated
public record AdminProperties(@NotBlank String userId, String password) {

    @Override
    public String toString() {
        return "AdminProperties[userId=" + userId + ", password=" + (password == null || password.isBlank() ? "<none>" : "<set>") + "]";
    }
}
