package io.incidentflow.notify;

import io.incidentflow.common.LogSafe;
import io.incidentflow.metrics.IncidentMetrics;
import io.incidentflow.notify.channel.Channels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Delivers one message over its channel, at most once: a message already delivered (the job is retried
 * after a later failure, or runs twice) is not sent again. A failure is recorded with its reason and
 * thrown on, so the engine retries the job and finally shows an incident in Cockpit.
 */
@Service
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final DeliveryLog deliveries;
    private final Channels channels;
    private final IncidentMetrics metrics;

    public NotificationDelivery(DeliveryLog deliveries, Channels channels, IncidentMetrics metrics) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.metrics = metrics;
    }

    public void deliver(String messageKey) {
        Notification message = deliveries.load(messageKey);
        if (message.getStatus() == DeliveryStatus.DELIVERED) {
            log.info("Notification {} was delivered at {}; not sent again", message.getId(), message.getDeliveredAt());
            return;
        }
        try {
            channels.get(message.getChannel()).send(message);
        } catch (RuntimeException e) {
            deliveries.failed(messageKey, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            metrics.notification(message.getChannel(), false);
            throw e;
        }
        deliveries.delivered(messageKey);
        metrics.notification(message.getChannel(), true);
        log.info("Notification {} delivered by {} to {} [{}]", message.getId(), message.getChannel().code(),
                LogSafe.text(message.getAddress()), message.getTemplate());
    }
}
