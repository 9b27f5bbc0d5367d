package io.incidentflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Camunda webapp session (the login of Cockpit) stand for the caller on the Cockpit plugin's own endpoints
 * ({@code /cockpit-api/**}), so the plugin in the browser needs no second password. Only a user logged in to the
 * process engine whose session is allowed into Cockpit counts; the groups are read from the identity service on
 * every request (not from the session's cache), so a user taken out of {@code auditors} loses access at once.
 * The endpoints then say who may call them with {@code @PreAuthorize}, like every other controller.
 */
public class CockpitSessionAuthenticationFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;

    public CockpitSessionAuthenticationFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentications all = AuthenticationUtil.getAuthsFromSession(session);
            Authentication login = all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
            if (login instanceof UserAuthentication user && user.isAuthorizedForApp(IdentitySetup.COCKPIT)) {
                IdentityService identity = engine.getIdentityService();
                List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(user.getIdentityId()).list()
                        .stream()
                        .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(Roles.authority(group.getId())))
                        .toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }
}
