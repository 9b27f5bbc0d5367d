package io.incidentflow.notify.page;

import io.incidentflow.common.Coded;

/** Where an escalation stands: still paging, acknowledged, or every level paged without an acknowledgement. */
public enum PageState implements Coded {
    OPEN, ACKNOWLEDGED, UNACKNOWLEDGED
}
