package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.common.Coded;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.NotificationEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step that sends a notification template about the incident to an audience's distribution lists, so a
 * process owner can add one in Modeler (element template "Notify an audience") without new code. Input
 * parameters {@code audience} and {@code notificationEvent}, as codes; only the events of
 * {@link IncidentService#AUDIENCE_EVENTS} can be sent this way.
 */
@Component
public class NotifyAudienceDelegate implements JavaDelegate {

    private final IncidentService incidents;

    public NotifyAudienceDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Audience audience = input(Audience.class, AUDIENCE.name(), AUDIENCE.getLocal(execution));
        NotificationEvent event = input(NotificationEvent.class, NOTIFICATION_EVENT.name(),
                NOTIFICATION_EVENT.getLocal(execution));
        incidents.notifyAudience(INCIDENT_ID.get(execution), audience, event);
    }

    /** A modelling error: the step fails (retries, then an incident in Cockpit) naming the input to fix. */
    private static <E extends Enum<E> & Coded> E input(Class<E> type, String parameter, String code) {
        return Coded.find(type, code).orElseThrow(() -> new IllegalStateException("Input parameter '" + parameter
                + "' is '" + code + "', " + Coded.expected(type)));
    }
}
