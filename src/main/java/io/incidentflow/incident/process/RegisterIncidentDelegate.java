package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.common.Coded;
import io.incidentflow.incident.Category;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentProperties;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.common.InvalidInputException;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Log incident": writes the incident row; a Tasklist start gets its id (business key) here. */
@Component
public class RegisterIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final IncidentProperties properties;

    public RegisterIncidentDelegate(IncidentService incidents, IncidentProperties properties) {
        this.incidents = incidents;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IncidentSource source = SOURCE.find(execution).map(IncidentSource::valueOf).orElse(IncidentSource.TASKLIST);
        Incident incident = incidents.register(INCIDENT_ID.find(execution).orElse(null), details(execution), source);
        INCIDENT_ID.set(execution, incident.getId());
        execution.setProcessBusinessKey(incident.getId());
        CLOSURE_WAIT.set(execution, properties.closureWait());
        HOLD_REMINDER_AFTER.set(execution, properties.holdReminderAfter().toString());
        HOLD_ESCALATION_AFTER.set(execution, properties.holdEscalationAfter().toString());
    }

    private static NewIncident details(DelegateExecution execution) {
        return new NewIncident(TITLE.find(execution).orElse(null), DESCRIPTION.find(execution).orElse(null),
                CALLER.find(execution).orElse(null), VIP_CALLER.find(execution).orElse(false),
                SERVICE_ID.find(execution).orElse(null),
                coded(CATEGORY.name(), CATEGORY.find(execution).orElse(null), code -> Coded.fromCode(Category.class, code)),
                coded(IMPACT.name(), IMPACT.find(execution).orElse(null), code -> Coded.fromCode(Level.class, code)),
                coded(URGENCY.name(), URGENCY.find(execution).orElse(null), code -> Coded.fromCode(Level.class, code)));
    }

    private static <T> T coded(String field, String code, Function<String, T> parse) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return parse.apply(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
