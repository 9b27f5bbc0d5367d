package io.incidentflow.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now, for the audit trail: the user the engine was told about (Tasklist,
 * engine REST and the API set it), or {@code system} for timers and other engine-driven steps.
 */
@Component
public class CurrentActor {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
