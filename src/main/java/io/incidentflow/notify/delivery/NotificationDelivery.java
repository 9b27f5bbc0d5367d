package io.incidentflow.notify.delivery;

import io.incidentflow.common.LogSafe;
import io.incidentflow.database.Durability;
import io.incidentflow.notify.DeliveryStatus;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.channel.Channels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final Durability durability;

    public NotificationDelivery(DeliveryLog deliveries, Channels channels, ApplicationEventPublisher events,
            Durability durability) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.events = events;
        this.durability = durability;
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
            events.publishEvent(new DeliveryAttempted(message.getChannel(), false));
            throw e;
        }
        deliveries.delivered(messageKey);
        // a crash must not lose the fact that it was sent: the retried job would send it again
        durability.flush();
        events.publishEvent(new DeliveryAttempted(message.getChannel(), true));
        log.info("Notification {} delivered by {} to {} [{}]", message.getId(), message.getChannel().code(),
                LogSafe.text(message.getAddress()), message.getTemplate());
    }
}
