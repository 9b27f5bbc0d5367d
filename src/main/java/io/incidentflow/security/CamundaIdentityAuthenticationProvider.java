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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transaction;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService,
                                                 PlatformTransactionManager transactionManager) {
        this.identityService = identityService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? null : credentials.toString();
        if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
            throw new BadCredentialsException("Wrong user id or password");
        }
        // Every API request logs in: one transaction for the check and the groups instead of one per engine call
        // (each took a pooled connection and committed on its own). A failed check returns, not throws, so the
        // engine's record of the failed attempt is committed too.
        List<GrantedAuthority> authorities = transaction.execute(status -> identityService.checkPassword(userId, password)
                ? identityService.createGroupQuery().groupMember(userId).list().stream()
                        .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(Roles.authority(group.getId())))
                        .toList()
                : null);
        if (authorities == null) {
            throw new BadCredentialsException("Wrong user id or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
