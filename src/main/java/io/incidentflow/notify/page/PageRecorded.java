package io.incidentflow.notify.page;

/**
 * Something happened to a page that belongs on its incident's timeline: a level paged
 * ({@code PAGED}), an acknowledgement ({@code PAGE_ACKNOWLEDGED}), or nobody acknowledged ({@code PAGE_UNACKNOWLEDGED}).
 */
public record PageRecorded(String incidentId, String type, String detail) {
}
