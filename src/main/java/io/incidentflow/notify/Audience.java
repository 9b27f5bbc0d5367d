package io.incidentflow.notify;

import io.incidentflow.common.Coded;

/**
 * Who a message is written for. Responders of a group read the technical template; the other audiences
 * are distribution lists (on-call file, section {@code audiences}) with templates of their own.
 */
public enum Audience implements Coded {
    TECHNICAL, BUSINESS, KEY_CUSTOMERS, IMPACTED_USERS
}
