package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import io.incidentflow.engine.EngineClock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Register invocation": checks the caller's input; a Tasklist start gets its id (business key) here.
 * The Tasklist start form names the services as text, a caller (API, Tier 2) as the list {@code serviceIds}.
 * A direct invocation is decided when it starts, so its RTO counts from now; Tier 2 passes its decision time.
 */
@Component
public class RegisterInvocationDelegate implements JavaDelegate {

    private final ContinuityService continuity;
    private final ContinuityProperties properties;

    public RegisterInvocationDelegate(ContinuityService continuity, ContinuityProperties properties) {
        this.continuity = continuity;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> serviceIds = SERVICE_IDS.find(execution)
                .orElseGet(() -> ContinuityService.parseServiceIds(AFFECTED_SERVICES.find(execution).orElse(null)));
        Invocation invocation = continuity.register(execution.getProcessBusinessKey(),
                INCIDENT_ID.find(execution).filter(id -> !id.isBlank()).orElse(null), serviceIds,
                INVOCATION_REASON.find(execution).orElse(null));
        INVOCATION_ID.set(execution, invocation.id());
        SERVICE_IDS.set(execution, invocation.serviceIds());
        execution.setProcessBusinessKey(invocation.id());
        if (INVOCATION_DECIDED_AT.find(execution).isEmpty()) {
            INVOCATION_DECIDED_AT.set(execution, Date.from(EngineClock.now()));
        }
        CRISIS_GROUP.set(execution, properties.crisisTeam());
    }
}
