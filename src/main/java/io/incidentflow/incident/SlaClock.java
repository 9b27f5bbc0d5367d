package io.incidentflow.incident;

import io.incidentflow.common.Coded;

/** The two service-level clocks of an incident. */
public enum SlaClock implements Coded {
    /** Until someone from the service desk takes the incident. */
    RESPONSE,
    /** Until service is restored. */
    RESOLUTION
}
