package io.incidentflow.continuity;

import io.incidentflow.notify.NotificationService;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Every message service continuity sends, in one place: notifications are being rebuilt (channels, on-call,
 * acknowledgements), and this is the one class to move onto the new API. Messages are filed under the
 * invocation id, which is the incident id when continuity was invoked for an incident.
 */
@Component
class ContinuityNotifications {

    private final NotificationService notifications;
    private final ContinuityProperties properties;

    ContinuityNotifications(NotificationService notifications, ContinuityProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    void invoked(Invocation invocation, String assessment) {
        String subject = "[" + invocation.id() + "] Service continuity invoked: " + String.join(", ", invocation.serviceIds());
        String body = "Reason: " + invocation.reason() + "\n\nRecovery per service:\n" + assessment;
        notifications.send(invocation.id(), properties.crisisTeam(), "continuity-crisis", subject, body);
        notifications.send(invocation.id(), properties.businessContinuityTeam(), "continuity-business", subject, body);
    }

    void rtoExceeded(Invocation invocation, String serviceId, Instant dueAt) {
        notifications.send(invocation.id(), properties.crisisTeam(), "continuity-rto-exceeded",
                "[" + invocation.id() + "] " + serviceId + " missed its RTO",
                "The failover of " + serviceId + " was due by " + dueAt + " and is not finished; the DR team carries on."
                        + "\nReason for the invocation: " + invocation.reason());
    }

    void restored(Invocation invocation, String message) {
        notifications.send(invocation.id(), properties.businessContinuityTeam(), "continuity-restored",
                "[" + invocation.id() + "] Service restored at the recovery site: "
                        + String.join(", ", invocation.serviceIds()), message);
    }
}
