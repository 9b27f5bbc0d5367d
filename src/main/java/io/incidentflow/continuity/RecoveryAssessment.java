package io.incidentflow.continuity;

import io.incidentflow.catalog.BusinessService;
import java.time.Duration;
import java.time.Instant;

/**
 * How one affected service is recovered: decision {@code recovery-strategy} on its catalog entry.
 *
 * @param targetRtoMinutes what the recovery option aims for
 */
public record RecoveryAssessment(BusinessService service, RecoveryOption option, int targetRtoMinutes,
                                 String cost, String risk) {

    /**
     * The RTO the failover is held to: the tighter of the option's target and the RTO the business agreed in
     * the catalog, so crisis management hears of a failover that is slower than either promises.
     */
    public Duration rto() {
        return Duration.ofMinutes(Math.min(targetRtoMinutes, service.getRtoMinutes()));
    }

    public Instant deadline(Instant failoverStart) {
        return failoverStart.plus(rto());
    }

    /** What the continuity manager weighs before approving, and the DR team follows. */
    public String summary() {
        String gap = targetRtoMinutes > service.getRtoMinutes()
                ? " - the option's target is slower than the agreed RTO" : "";
        return service.getId() + " (" + service.getName() + ", " + service.getCriticality().code() + ", "
                + service.getContinuityTier().code() + " tier): " + option.label() + ", RTO " + rto().toMinutes()
                + " min (target " + targetRtoMinutes + ", agreed " + service.getRtoMinutes() + gap + "), RPO "
                + service.getRpoMinutes() + " min\nCost: " + cost + "\nRisk: " + risk;
    }
}
