package io.incidentflow.incident;

import io.incidentflow.common.TimelineEventType;
import java.time.Instant;

/**
 * A line was written to an incident's timeline, with the incident as it was then, so that features which
 * only count what happens (metrics) need not read the incident again. {@code clock} is set for
 * {@code SLA_WARNING} and {@code SLA_BREACHED}, null otherwise; {@code resolvedAt} is null until resolved.
 */
public record IncidentRecorded(String incidentId, TimelineEventType type, SlaClock clock, Priority priority, IncidentTier tier,
                               String serviceId, Instant loggedAt, Instant resolvedAt) {
}
