package io.incidentflow.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now, for the audit trail: the user the engine was told about (Tasklist and
 * engine REST), else the authenticated API caller, else {@code system} (timers, engine-driven steps).
 */
@Component
public class CurrentActor {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication engineUser = identityService.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return engineUser.getUserId();
        }
        org.springframework.security.core.Authentication apiCaller =
                SecurityContextHolder.getContext().getAuthentication();
        return apiCaller != null && apiCaller.isAuthenticated() && !(apiCaller instanceof AnonymousAuthenticationToken)
                ? apiCaller.getName() : SYSTEM;
    }
}
