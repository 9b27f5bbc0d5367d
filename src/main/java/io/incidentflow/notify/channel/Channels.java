package io.incidentflow.notify.channel;

import io.incidentflow.notify.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The channels of this environment. */
@Component
public class Channels {

    private final Map<Channel, NotificationChannel> byChannel = new EnumMap<>(Channel.class);

    public Channels(List<NotificationChannel> channels) {
        channels.forEach(c -> byChannel.put(c.channel(), c));
    }

    public boolean configured(Channel channel) {
        NotificationChannel configured = byChannel.get(channel);
        return configured != null && configured.configured();
    }

    public NotificationChannel get(Channel channel) {
        if (!configured(channel)) {
            throw new IllegalStateException("Channel " + channel.code() + " is not configured in this environment");
        }
        return byChannel.get(channel);
    }
}
