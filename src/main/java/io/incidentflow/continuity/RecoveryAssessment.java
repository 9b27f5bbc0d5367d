package io.incidentflow.continuity;

import io.incidentflow.catalog.BusinessService;
import io.incidentflow.common.Coded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one affected service is recovered: decision {@code recovery-strategy} on its catalog entry. The only place
 * that knows the decision's output names, so a renamed output fails here, named, instead of as a null later.
 *
 * @param targetRtoMinutes what the recovery option aims for
 */
public record RecoveryAssessment(BusinessService service, RecoveryOption option, int targetRtoMinutes,
                                 String cost, String risk) {

    // output names of processes/recovery-strategy.dmn
    private static final String RECOVERY_OPTION = "recoveryOption";
    private static final String TARGET_RTO_MINUTES = "targetRtoMinutes";
    private static final String INVOCATION_COST = "invocationCost";
    private static final String INVOCATION_RISK = "invocationRisk";
    public static final List<String> OUTPUTS = List.of(RECOVERY_OPTION, TARGET_RTO_MINUTES, INVOCATION_COST, INVOCATION_RISK);

    /** The decision's result row for this service. */
    static RecoveryAssessment of(BusinessService service, Map<String, Object> result) {
        if (!(result.get(TARGET_RTO_MINUTES) instanceof Number targetRto)) {
            throw new IllegalStateException("Decision recovery-strategy gave no number for '" + TARGET_RTO_MINUTES + "'");
        }
        return new RecoveryAssessment(service, Coded.fromCode(RecoveryOption.class, text(result, RECOVERY_OPTION)),
                targetRto.intValue(), text(result, INVOCATION_COST), text(result, INVOCATION_RISK));
    }

    private static String text(Map<String, Object> result, String output) {
        if (!(result.get(output) instanceof String text)) {
            throw new IllegalStateException("Decision recovery-strategy gave no text for '" + output + "'");
        }
        return text;
    }

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
