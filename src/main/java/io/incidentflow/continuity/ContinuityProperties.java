package io.incidentflow.continuity;

import java.time.Period;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param crisisTeam     the group on call for crisis management: told when continuity is invoked and when a
 *                       service misses its RTO (the business audience hears of invocation and restoration)
 * @param readinessCycle when the DR readiness check runs (cron or ISO-8601 repeating interval)
 * @param drTestInterval how old the last DR test of a service may be before a new one is due
 */
@ConfigurationProperties("incidentflow.continuity")
@Validated
public record ContinuityProperties(@NotBlank String crisisTeam, @NotBlank String readinessCycle, @NotNull Period drTestInterval) {
}
