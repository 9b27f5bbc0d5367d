package io.incidentflow.notify.delivery;

import io.incidentflow.engine.EngineClock;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records delivery attempts in transactions of their own: a failed delivery job is rolled back, and the
 * fact that a message was already sent, or why it failed, must outlive that rollback.
 */
@Component
class DeliveryLog {

    private final NotificationRepository notifications;

    DeliveryLog(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Notification load(String messageKey) {
        return notifications.findByMessageKey(messageKey)
                .orElseThrow(() -> new IllegalStateException("No notification with message key " + messageKey));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void delivered(String messageKey) {
        load(messageKey).delivered(EngineClock.now());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String messageKey, String reason) {
        load(messageKey).failed(reason);
    }
}
