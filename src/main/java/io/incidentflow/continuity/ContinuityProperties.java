package io.incidentflow.continuity;

import java.time.Duration;
import java.time.Period;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param crisisTeam         the group on call for crisis management: paged when continuity is invoked, when the
 *                           approval is overdue, when a service misses its RTO and when a failover is abandoned
 * @param readinessCycle     when the DR readiness check runs (cron or ISO-8601 repeating interval)
 * @param drTestInterval     how old the last DR test of a service may be before a new one is due
 * @param approvalTime       how long continuity managers have to approve or decline an invocation
 * @param maxFailedFailovers after this many failovers of one service that did not work at the recovery site,
 *                           the invocation is abandoned
 */
@ConfigurationProperties("incidentflow.continuity")
@Validated
public record ContinuityProperties(@NotBlank String crisisTeam, @NotBlank String readinessCycle, @NotNull Period drTestInterval,
                                   Duration approvalTime, int maxFailedFailovers) {

    public ContinuityProperties {
        if (crisisTeam == null || crisisTeam.isBlank()) {
            throw new IllegalArgumentException("incidentflow.continuity.crisis-team must name a Camunda group");
        }
        if (approvalTime == null || approvalTime.isNegative() || approvalTime.isZero()) {
            throw new IllegalArgumentException("incidentflow.continuity.approval-time must be a positive duration, "
                    + "e.g. PT30M (was " + approvalTime + ")");
        }
        if (maxFailedFailovers < 1) {
            throw new IllegalArgumentException("incidentflow.continuity.max-failed-failovers must be at least 1 (was "
                    + maxFailedFailovers + ")");
        }
    }
}
