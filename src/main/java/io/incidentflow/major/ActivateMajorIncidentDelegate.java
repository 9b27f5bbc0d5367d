package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Activate major incident": after triage said so, or when it did not decide in time. */
@Component
public class ActivateMajorIncidentDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;

    public ActivateMajorIncidentDelegate(MajorIncidentService majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean decided = TRIAGE_DECISION.find(execution).filter("activate"::equals).isPresent();
        MajorIncidentService.Activation activation = majorIncidents.activate(INCIDENT_ID.get(execution), decided);
        TIME_BOX_ENDS_AT.set(execution, Date.from(activation.timeBoxEndsAt()));
        STAKEHOLDER_UPDATE_CYCLE.set(execution, activation.stakeholderUpdateCycle());
        TECHNICAL_BRIDGE.set(execution, activation.technicalBridge());
        BUSINESS_BRIDGE.set(execution, activation.businessBridge());
        // tasks for the roles are assigned by expression; until "Assign roles" they stay unassigned
        INCIDENT_COMMANDER.set(execution, null);
        COMMUNICATIONS_LEAD.set(execution, null);
    }
}
