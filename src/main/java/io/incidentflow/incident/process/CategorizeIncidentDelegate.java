package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.catalog.BusinessService;
import io.incidentflow.incident.IncidentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Categorize": the affected business service decides who works the incident and how much it matters. */
@Component
public class CategorizeIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public CategorizeIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BusinessService service = incidents.categorize(INCIDENT_ID.get(execution));
        SERVICE_NAME.set(execution, service.getName());
        SERVICE_CRITICALITY.set(execution, service.getCriticality().code());
        CONTINUITY_TIER.set(execution, service.getContinuityTier().code());
        RESOLVER_GROUP.set(execution, service.getResolverGroup());
        VENDOR_CONTACT.set(execution, service.getVendorContact());
    }
}
