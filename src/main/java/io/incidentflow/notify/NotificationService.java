package io.incidentflow.notify;

import io.incidentflow.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications. The outbox channel records each message in the notification table and the
 * log, in the caller's transaction, so a message exists exactly when the step that sent it committed.
 */
@Service
public class NotificationService {

    static final String OUTBOX = "outbox";
    static final String DELIVERED = "DELIVERED";
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;

    public NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The lead of a Camunda group, e.g. the service desk's team lead. */
    public static String leadOf(String groupId) {
        return "lead:" + groupId;
    }

    @Transactional
    public Notification send(String incidentId, String recipient, String template, String subject, String body) {
        Notification notification = notifications.save(new Notification(incidentId, recipient, OUTBOX, template,
                subject, body, DELIVERED, EngineClock.now()));
        log.info("Notification {} to {} [{}]: {}", notification.getId(), recipient, template, subject);
        return notification;
    }
}
