package io.incidentflow.security;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Coarse rules for every authenticated {@code /api/**} request (finer, per-endpoint rules belong in
 * the controller methods, e.g. {@code @PreAuthorize(Roles.Has.SERVICE_DESK)}):
 * <ul>
 *   <li>the caller must belong to at least one Camunda group (no group, no role);</li>
 *   <li>{@code auditors} are read-only: a caller whose only role is {@code auditors} may only GET.</li>
 * </ul>
 * A denial carries a message that the 403 JSON answer shows.
 */
public class ApiAccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** A denial with the reason shown to the caller. */
    public static final class Denied extends AuthorizationDecision {
        private final String reason;

        Denied(String reason) {
            super(false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false); // not authenticated: 401 from the entry point
        }
        Set<String> groups = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Roles.AUTHORITY_PREFIX))
                .map(a -> a.substring(Roles.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet());
        HttpServletRequest request = context.getRequest();
        if (groups.isEmpty()) {
            return new Denied("Access denied: user '" + auth.getName()
                    + "' belongs to no Camunda group and so has no IncidentFlow role");
        }
        if (READ_METHODS.contains(request.getMethod())) {
            return new AuthorizationDecision(true);
        }
        boolean onlyReadOnlyRoles = groups.stream().allMatch(Roles.AUDITORS::equals);
        if (onlyReadOnlyRoles) {
            return new Denied("Access denied: auditors have read-only access; user '" + auth.getName()
                    + "' may not " + request.getMethod() + " " + request.getRequestURI());
        }
        return new AuthorizationDecision(true);
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return (AuthorizationDecision) authorize(authentication, context);
    }
}
