package io.incidentflow.continuity;

/**
 * Service continuity invoked for an incident ended without restoring the service: the invocation was declined
 * or the failover was abandoned. Published in that transaction; the major incident goes on looking for a fix.
 *
 * @param outcome {@link ContinuityVariables#OUTCOME_DECLINED} or {@link ContinuityVariables#OUTCOME_ABANDONED}
 */
public record ContinuityEndedWithoutRecovery(String incidentId, String invocationId, String outcome, String reason) {
}
