package io.incidentflow.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated API caller: Camunda user id and the ids of its Camunda groups.
 *
 * <p>In a controller, declare a parameter {@code CurrentUser user} (resolved by
 * {@link CurrentUserArgumentResolver}, hidden from the OpenAPI docs), or call {@link #get()} /
 * {@link #find()} anywhere on the request thread.
 */
public record CurrentUser(String userId, Set<String> groupIds) {

    public CurrentUser {
        groupIds = Set.copyOf(groupIds);
    }

    /** The caller of the current request, if it authenticated (not on permitAll paths such as /api/events). */
    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(Roles.AUTHORITY_PREFIX))
                .map(a -> a.substring(Roles.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentUser(authentication.getName(), groups));
    }

    /** The caller of the current request; throws (→ 401) when there is none. */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                "This request needs HTTP Basic credentials of a Camunda user"));
    }

    /*
     * Membership tests are for the small beans that @PreAuthorize expressions call for data-dependent rules
     * (e.g. "the incident's resolver group"); controllers and services state roles with Roles.Has instead
     * (OneWayToAuthorizeTest keeps it so).
     */

    public boolean isMemberOf(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean isMemberOfAny(String... groupIds) {
        return Arrays.stream(groupIds).anyMatch(this.groupIds::contains);
    }
}
