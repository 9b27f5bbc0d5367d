package io.incidentflow.incident;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param closureWait          ISO-8601 duration the service desk waits for the caller's confirmation
 *                             before the incident closes itself
 * @param problemReminderCycle ISO-8601 repeating interval of reminders for an open problem record
 * @param warningRatio         share of a target after which the group lead is warned (0.75 = at 75%)
 */
@ConfigurationProperties("incidentflow.incident")
@Validated
public record IncidentProperties(@NotBlank String closureWait, @NotBlank String problemReminderCycle, double warningRatio) {

    public IncidentProperties {
        if (warningRatio <= 0 || warningRatio >= 1) {
            throw new IllegalArgumentException("incidentflow.incident.warning-ratio must be between 0 and 1");
        }
    }
}
