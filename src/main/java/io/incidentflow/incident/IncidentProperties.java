package io.incidentflow.incident;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
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
public record IncidentProperties(@NotBlank String closureWait, @NotBlank String problemReminderCycle,
                                 @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
                                 double warningRatio,
                                 Set<Priority> pagedPriorities,
                                 @NotNull @DurationMin(nanos = 0, inclusive = false) Duration holdReminderAfter,
                                 @NotNull @DurationMin(nanos = 0, inclusive = false) Duration holdEscalationAfter,
                                 List<String> levelThreeGroups) {

    public IncidentProperties {
        pagedPriorities = pagedPriorities == null ? Set.of() : Set.copyOf(pagedPriorities);
        levelThreeGroups = levelThreeGroups == null ? List.of() : List.copyOf(levelThreeGroups);
    }

    // a reminder after the escalation would come too late to be of use
    @AssertTrue(message = "hold-escalation-after must be longer than hold-reminder-after")
    boolean isHoldEscalationAfterReminder() {
        return holdReminderAfter == null || holdEscalationAfter == null
                || holdEscalationAfter.compareTo(holdReminderAfter) > 0;
    }
}
