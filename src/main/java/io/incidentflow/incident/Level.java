package io.incidentflow.incident;

import io.incidentflow.common.Coded;

/** Impact (how widely the business is hit) and urgency (how fast it hurts) are rated on one scale. */
public enum Level implements Coded {
    HIGH, MEDIUM, LOW
}
