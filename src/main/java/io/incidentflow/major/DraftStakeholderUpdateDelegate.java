package io.incidentflow.major;

import static io.incidentflow.incident.process.IncidentVariables.INCIDENT_ID;
import static io.incidentflow.major.MajorIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Draft stakeholder update": one text per audience from the drafts process owners edit, local to this update so that updates never mix. */
@Component
public class DraftStakeholderUpdateDelegate implements JavaDelegate {

    private final MajorIncidentService majorIncidents;
    private final StakeholderUpdateDrafts drafts;

    public DraftStakeholderUpdateDelegate(MajorIncidentService majorIncidents, StakeholderUpdateDrafts drafts) {
        this.majorIncidents = majorIncidents;
        this.drafts = drafts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        drafts.draft(majorIncidents.draftFacts(INCIDENT_ID.get(execution)))
                .forEach((audience, draft) -> UPDATE_TEXTS.get(audience).setLocal(execution, draft));
    }
}
