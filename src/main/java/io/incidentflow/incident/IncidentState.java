package io.incidentflow.incident;

public enum IncidentState {
    /** Logged, not yet prioritized. */
    NEW,
    /** Someone is working on it. */
    IN_PROGRESS,
    /** Waiting for the caller or a vendor; the SLA clock is paused. */
    ON_HOLD,
    /** A fix or workaround is in place; waiting for the caller to confirm. */
    RESOLVED,
    CLOSED
}
