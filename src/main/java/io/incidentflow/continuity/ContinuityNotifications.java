package io.incidentflow.continuity;

import io.incidentflow.notify.Audience;
import io.incidentflow.notify.NotificationEvent;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.delivery.Recipients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every message service continuity sends. Messages are filed under the invocation id, which is the
 * incident id when continuity was invoked for an incident. The crisis team is reached through its on-call
 * schedule (and must be reachable); business continuity is the business audience of the on-call file.
 */
@Component
class ContinuityNotifications {

    private final NotificationService notifications;
    private final ContinuityProperties properties;

    ContinuityNotifications(NotificationService notifications, ContinuityProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    /** One message per affected service, each with its own recovery option and target. */
    void invoked(Invocation invocation, List<RecoveryAssessment> assessments) {
        for (RecoveryAssessment assessment : assessments) {
            Map<String, String> variables = Map.of("summary", invocation.reason(),
                    "service", assessment.service().getName(), "recoveryOption", assessment.option().label(),
                    "targetRto", assessment.rto().toMinutes() + " minutes");
            notifications.send(invocation.id(), Recipients.onCall(properties.crisisTeam()), NotificationEvent.DR_INVOKED,
                    variables);
            notifications.announce(invocation.id(), Recipients.audience(Audience.BUSINESS), NotificationEvent.DR_INVOKED,
                    variables);
        }
    }

    void rtoExceeded(Invocation invocation, String serviceId, Instant dueAt) {
        notifications.send(invocation.id(), Recipients.onCall(properties.crisisTeam()), NotificationEvent.RTO_EXCEEDED,
                Map.of("summary", invocation.reason(), "service", serviceId, "dueAt", dueAt.toString()));
    }

    void restored(Invocation invocation, String message) {
        Map<String, String> variables = Map.of("summary", "Service continuity " + invocation.id() + ": "
                + String.join(", ", invocation.serviceIds()) + " run at the recovery site", "resolution", message);
        for (Audience audience : List.of(Audience.BUSINESS, Audience.IMPACTED_USERS)) {
            notifications.announce(invocation.id(), Recipients.audience(audience), NotificationEvent.RESOLVED, variables);
        }
    }
}
