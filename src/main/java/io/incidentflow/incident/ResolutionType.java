package io.incidentflow.incident;

import io.incidentflow.common.Coded;

/** How service was restored. */
public enum ResolutionType implements Coded {
    /** Permanent fix. */
    FIX,
    /** Restores service but leaves the cause: technical debt tracked by a problem record. */
    WORKAROUND
}
