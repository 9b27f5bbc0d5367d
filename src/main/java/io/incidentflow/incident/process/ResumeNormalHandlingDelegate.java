package io.incidentflow.incident.process;

import io.incidentflow.common.TimelineEventType;
import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentService;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Resume normal handling", after triage found the incident is not major. The SLA clocks keep
 * their due dates. An incident whose resolution target was already breached would escalate again at
 * once; it escalates again only if it is still unresolved one more resolution target from now.
 */
@Component
public class ResumeNormalHandlingDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public ResumeNormalHandlingDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = INCIDENT_ID.get(execution);
        if (incidents.get(id).isResolutionBreached()) {
            Instant next = EngineClock.now()
                    .plus(PriorityDecision.of(execution).resolutionTarget());
            RESOLUTION_ESCALATION_AT.set(execution, Date.from(next));
            incidents.note(id, TimelineEventType.ESCALATION_RESCHEDULED, "Resolution target already breached; escalates again at "
                    + next + " if still unresolved");
        }
    }
}
