package io.incidentflow.ingest;

import io.incidentflow.security.CurrentUser;
import io.incidentflow.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Integration keys are managed by Camunda administrators: members of group {@code camunda-admin}. */
final class AdminOnly {

    private AdminOnly() {
    }

    /** @return the administrator's user id */
    static String require() {
        CurrentUser user = CurrentUser.find().orElseThrow(() ->
                new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentication required"));
        if (!user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only members of group " + Roles.CAMUNDA_ADMIN + " manage integration keys");
        }
        return user.userId();
    }
}
