package io.incidentflow.notify.channel;

import io.incidentflow.notify.Channel;
import io.incidentflow.notify.Notification;

/** A way out of the application for messages: email, chat webhook, SMS/voice gateway. */
public interface NotificationChannel {

    Channel channel();

    /** Whether this environment configured the channel; messages for one that is not go to the outbox. */
    boolean configured();

    /** Hands the message to the channel; throws, with the reason, when the channel did not take it. */
    void send(Notification message);
}
