package io.incidentflow.notify;

import io.incidentflow.common.Coded;

/** Where a message stands: waiting for its channel, taken by it, or refused on the last attempt (retried). */
public enum DeliveryStatus implements Coded {
    PENDING, DELIVERED, FAILED
}
