package io.incidentflow.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What it takes to log an incident, from the API, a Tasklist start form or a monitoring event. */
public record NewIncident(
        @NotBlank @Size(max = 200) @Schema(example = "Checkout fails with error 502") String title,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) @Schema(example = "jane.doe") String caller,
        Boolean vipCaller,
        @NotBlank @Schema(description = "Business service id from the catalog", example = "payments") String serviceId,
        @NotNull Category category,
        @NotNull Level impact,
        @NotNull Level urgency) {
}
