package io.incidentflow.continuity;

import io.incidentflow.common.Coded;

/** How a service is recovered at the recovery site: the options of decision {@code recovery-strategy}. */
public enum RecoveryOption implements Coded {
    /** Hot standby: switch over to systems that already run. */
    IMMEDIATE,
    /** Warm standby: scale up prepared systems and restore data from replicas. */
    INTERMEDIATE,
    /** Cold standby: provision capacity and restore from backups. */
    GRADUAL,
    /** No prepared site: rebuild by hand. */
    MANUAL_REBUILD;

    /** How process owners and continuity managers call the option. */
    public String label() {
        return switch (this) {
            case IMMEDIATE -> "immediate (hot standby)";
            case INTERMEDIATE -> "intermediate (warm standby)";
            case GRADUAL -> "gradual (cold standby)";
            case MANUAL_REBUILD -> "manual rebuild";
        };
    }
}
