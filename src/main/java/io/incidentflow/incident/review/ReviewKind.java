package io.incidentflow.incident.review;

import io.incidentflow.common.Coded;

/** Which review a record is: after a P1/P2 incident, or after a major incident. */
public enum ReviewKind implements Coded {
    POST_INCIDENT_REVIEW,
    POST_MORTEM
}
