package io.incidentflow.notify.oncall;

import java.time.Instant;

/** Who covers an escalation level from {@code from} until {@code until}; {@code overrideId} when an override. */
public record Shift(int level, String personId, Instant from, Instant until, Long overrideId) {
}
