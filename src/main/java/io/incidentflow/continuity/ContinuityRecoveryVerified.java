package io.incidentflow.continuity;

import java.time.Instant;

/**
 * Service continuity has verified the service running at the recovery site for an incident. Published in the
 * transaction of the verification; the major incident takes this moment as its restoration time. Service
 * continuity itself goes on to failback and review.
 */
public record ContinuityRecoveryVerified(String incidentId, String invocationId, Instant verifiedAt) {
}
