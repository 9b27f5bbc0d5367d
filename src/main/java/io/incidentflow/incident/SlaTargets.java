package io.incidentflow.incident;

import java.time.Duration;
import java.time.Instant;

/** When the group lead is warned and when each service-level target is breached. */
public record SlaTargets(Instant responseWarningAt, Instant responseDueAt,
                         Instant resolutionWarningAt, Instant resolutionDueAt) {

    static SlaTargets from(Instant start, Duration response, Duration resolution, double warningRatio) {
        return new SlaTargets(start.plus(share(response, warningRatio)), start.plus(response),
                start.plus(share(resolution, warningRatio)), start.plus(resolution));
    }

    private static Duration share(Duration target, double ratio) {
        return Duration.ofMillis(Math.round(target.toMillis() * ratio));
    }
}
