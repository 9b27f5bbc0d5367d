package io.incidentflow.incident;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param closureWait          ISO-8601 duration the service desk waits for the caller's confirmation
 *                             before the incident closes itself
 * @param problemReminderCycle ISO-8601 repeating interval of reminders for an open problem record
 * @param warningRatio         share of a target after which the group lead is warned (0.75 = at 75%)
 * @param pagedPriorities      priorities whose functional escalation pages the resolver group; the others
 *                             give it a Tasklist task only
 * @param holdReminderAfter    how long a caller or vendor hold lasts before the group holding it is paged
 *                             as a reminder
 * @param holdEscalationAfter  how long a hold lasts before the accountable group's lead is paged
 * @param levelThreeGroups     groups a functional escalation may be handed over to besides the catalog's
 *                             resolver groups (specialists, level 3)
 */
@ConfigurationProperties("incidentflow.incident")
@Validated
public record IncidentProperties(@NotBlank String closureWait, @NotBlank String problemReminderCycle, double warningRatio,
                                 Set<Priority> pagedPriorities, Duration holdReminderAfter,
                                 Duration holdEscalationAfter, List<String> levelThreeGroups) {

    public IncidentProperties {
        if (warningRatio <= 0 || warningRatio >= 1) {
            throw new IllegalArgumentException("incidentflow.incident.warning-ratio must be between 0 and 1");
        }
        pagedPriorities = pagedPriorities == null ? Set.of() : Set.copyOf(pagedPriorities);
        requirePositive("hold-reminder-after", holdReminderAfter);
        requirePositive("hold-escalation-after", holdEscalationAfter);
        if (holdEscalationAfter.compareTo(holdReminderAfter) <= 0) {
            throw new IllegalArgumentException("incidentflow.incident.hold-escalation-after (" + holdEscalationAfter
                    + ") must be longer than hold-reminder-after (" + holdReminderAfter + ")");
        }
        levelThreeGroups = levelThreeGroups == null ? List.of() : List.copyOf(levelThreeGroups);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("incidentflow.incident." + key
                    + " must be a positive ISO-8601 duration such as PT4H, not " + value);
        }
    }
}
