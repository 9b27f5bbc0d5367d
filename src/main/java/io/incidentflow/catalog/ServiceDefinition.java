package io.incidentflow.catalog;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * A business service as process owners describe it, in the catalog file and in {@code POST/PUT /api/services}:
 * the business impact analysis. What DR reviews and readiness checks write back is not part of it.
 *
 * @param otherFields every property the request named that is none of these; refused by the catalog, so
 *                    a misspelt field is an error rather than silently ignored
 */
public record ServiceDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                message = "must be lower-case letters, digits and dashes (at most 64)")
        @Schema(example = "payments") String id,
        @NotBlank @Size(max = 200) @Schema(example = "Online payments") String name,
        @NotNull @Schema(example = "mission-critical") Criticality criticality,
        @NotNull @Schema(example = "hot") ContinuityTier continuityTier,
        @NotNull @PositiveOrZero @Schema(description = "Recovery time objective", example = "15") Integer rtoMinutes,
        @NotNull @PositiveOrZero @Schema(description = "Recovery point objective", example = "0") Integer rpoMinutes,
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*",
                message = "must be a Camunda group id: letters and digits, separated by single '.', '_' or '-'")
        @Schema(example = "payments-team") String resolverGroup,
        @Size(max = 64) @Schema(example = "payments-oncall") String onCallSchedule,
        @Size(max = 500) @Schema(example = "Card processor 24/7 desk") String vendorContact,
        @Size(max = 200) @Schema(example = "Head of e-commerce") String businessOwner,
        @Schema(example = "2026-05-20") LocalDate lastDrTest,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> otherFields) {

    /** The same definition for the service with this id (PUT names the service in its path). */
    ServiceDefinition withId(String serviceId) {
        return new ServiceDefinition(serviceId, name, criticality, continuityTier, rtoMinutes, rpoMinutes,
                resolverGroup, onCallSchedule, vendorContact, businessOwner, lastDrTest, otherFields);
    }
}
