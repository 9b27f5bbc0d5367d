package io.incidentflow.incident;

import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.DeliveryStatus;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The notification log of one incident; it lives with the incident because it answers under its path. */
@RestController
@Tag(name = "Notifications", description = "The notification log: every message, its delivery and acknowledgement")
public class NotificationController {

    private final NotificationRepository notifications;
    private final IncidentService incidents;

    public NotificationController(NotificationRepository notifications, IncidentService incidents) {
        this.notifications = notifications;
        this.incidents = incidents;
    }

    public record NotificationView(long id, String messageKey, String recipient, String address, Channel channel,
                                   String template, Audience audience, String subject, DeliveryStatus status,
                                   int attempts, String failureReason, Instant createdAt, Instant deliveredAt,
                                   String pageId, Integer pageLevel, Instant acknowledgedAt, String acknowledgedBy) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getMessageKey(), n.getRecipient(), n.getAddress(), n.getChannel(),
                    n.getTemplate(), n.getAudience(), n.getSubject(), n.getStatus(), n.getAttempts(),
                    n.getFailureReason(), n.getCreatedAt(), n.getDeliveredAt(), n.getPageId(), n.getPageLevel(),
                    n.getAcknowledgedAt(), n.getAcknowledgedBy());
        }
    }

    @GetMapping("/api/incidents/{id}/notifications")
    @Transactional(readOnly = true)
    @Operation(summary = "Every notification about the incident: recipient, channel, template, when queued and "
            + "delivered, or why it failed (it is retried), acknowledged when and by whom")
    public List<NotificationView> ofIncident(@PathVariable String id) {
        incidents.get(id);
        return notifications.findByIncidentIdOrderByIdAsc(id).stream().map(NotificationView::of).toList();
    }
}
