package io.incidentflow.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;

/**
 * Integration keys are managed by Camunda administrators: members of group {@code camunda-admin},
 * i.e. the Spring Security authority {@code GROUP_camunda-admin} of the authenticated API caller.
 */
final class AdminOnly {

    static final String AUTHORITY = "GROUP_camunda-admin";

    private AdminOnly() {
    }

    /** @return the administrator's user id */
    static String require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentication required");
        }
        boolean admin = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(AUTHORITY::equals);
        if (!admin) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only members of group camunda-admin manage integration keys");
        }
        return auth.getName();
    }
}
