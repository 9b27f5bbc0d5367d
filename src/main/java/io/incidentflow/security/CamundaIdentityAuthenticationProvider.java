package io.incidentflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user id and password against the Camunda {@link IdentityService} (so the same users as in
 * the webapps; failed logins are throttled by {@link LoginThrottleFilter}) and grants one authority {@code GROUP_<groupId>}
 * per Camunda group of the user. The principal is the Camunda user id.
 *
 * <p>Being an {@link AuthenticationProvider} bean, it also stops Spring Boot from creating its
 * default in-memory user with a generated password.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? null : credentials.toString();
        if (userId == null || userId.isBlank() || password == null || password.isEmpty()
                || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Wrong user id or password");
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(Roles.authority(group.getId())))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
