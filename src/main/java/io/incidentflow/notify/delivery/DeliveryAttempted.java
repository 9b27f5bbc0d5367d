package io.incidentflow.notify.delivery;

import io.incidentflow.notify.Channel;

/**
 * A notification was handed to its channel ({@code delivered}) or the channel refused it. Published for observers
 * such as the metrics, which sit above notify and so are told rather than called.
 */
public record DeliveryAttempted(Channel channel, boolean delivered) {
}
