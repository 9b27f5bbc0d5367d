package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentIntake;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentSource;
import io.incidentflow.incident.NewIncident;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Logs incidents by starting {@code incident.bpmn} with the incident id as business key. */
@Component
public class IncidentProcess implements IncidentIntake {

    private final ProcessAdapter engine;
    private final IncidentService incidents;

    public IncidentProcess(ProcessAdapter engine, IncidentService incidents) {
        this.engine = engine;
        this.incidents = incidents;
    }

    /**
     * Starts the incident's process; the incident row is written by its first step, in the same
     * transaction, so an incident exists exactly when its process does.
     */
    @Override
    @Transactional
    public Incident log(NewIncident details, IncidentSource source) {
        String id = takeId(details);
        engine.start(IncidentModel.PROCESS_KEY, id, startVariables(id, details, source));
        return incidents.get(id);
    }

    /** A critical monitoring event on a mission-critical service: logged, and handed straight to triage. */
    @Transactional
    public Incident logCriticalEvent(NewIncident details, IncidentSource source) {
        String id = takeId(details);
        Map<String, Object> variables = startVariables(id, details, source);
        CRITICAL_EVENT.putInto(variables, true);
        engine.startByMessage(IncidentModel.MESSAGE_CRITICAL_EVENT_RECEIVED, id, variables);
        return incidents.get(id);
    }

    private String takeId(NewIncident details) {
        // the first step checks this too; checking before taking an id leaves no gap for refused input
        incidents.requireService(details.serviceId());
        return incidents.nextId();
    }

    static Map<String, Object> startVariables(String id, NewIncident details, IncidentSource source) {
        Map<String, Object> variables = new HashMap<>();
        INCIDENT_ID.putInto(variables, id);
        SOURCE.putInto(variables, source.name());
        TITLE.putInto(variables, details.title());
        DESCRIPTION.putInto(variables, details.description());
        CALLER.putInto(variables, details.caller());
        VIP_CALLER.putInto(variables, Boolean.TRUE.equals(details.vipCaller()));
        SERVICE_ID.putInto(variables, details.serviceId());
        CATEGORY.putInto(variables, details.category().code());
        IMPACT.putInto(variables, details.impact().code());
        URGENCY.putInto(variables, details.urgency().code());
        return variables;
    }
}
