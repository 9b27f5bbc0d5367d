package io.incidentflow.notify;

import io.incidentflow.common.Coded;

/**
 * How a message travels. The outbox is the local notification table and the log: it stands in for a
 * channel that is not configured in this environment, so the application runs without external servers.
 */
public enum Channel implements Coded {
    EMAIL, CHAT, SMS, OUTBOX
}
