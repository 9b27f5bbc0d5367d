package io.incidentflow.notify.page;

import io.incidentflow.common.TimelineEventType;

/**
 * Something happened to a page that belongs on its incident's timeline: a level paged
 * ({@code PAGED}), an acknowledgement ({@code PAGE_ACKNOWLEDGED}), or nobody acknowledged ({@code PAGE_UNACKNOWLEDGED}).
 * {@code level} is the escalation level paged for {@code PAGED}, 0 for the other types.
 */
public record PageRecorded(String incidentId, TimelineEventType type, String detail, int level) {

    /** Level 2 and up are escalations: the levels before did not acknowledge in time. */
    public boolean escalation() {
        return level > 1;
    }
}
