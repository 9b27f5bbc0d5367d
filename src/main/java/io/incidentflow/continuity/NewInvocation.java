package io.incidentflow.continuity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A direct invocation of service continuity by a continuity manager (no incident). */
public record NewInvocation(
        @NotEmpty @Size(max = 50) @Schema(description = "Ids of the affected catalog services",
                example = "[\"payments\", \"core-network\"]") List<@NotBlank String> serviceIds,
        @NotBlank @Size(max = 2000) @Schema(example = "Primary data centre lost power") String reason) {
}
