package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Hand over to another group": the functional escalation goes to {@code handOverGroup}, whose task
 * (candidate group {@code resolverGroup}) and page follow. It runs in the transaction that completes the
 * task, so an unknown group refuses the submit instead of leaving the incident with nobody.
 */
@Component
public class HandOverIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public HandOverIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = incidents.handOver(INCIDENT_ID.get(execution), HAND_OVER_GROUP.find(execution).orElse(null));
        RESOLVER_GROUP.set(execution, group);
    }
}
