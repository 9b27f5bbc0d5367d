package io.incidentflow.incident;

/** Which of the three restoration processes currently owns the incident. */
public enum IncidentTier {
    NORMAL, MAJOR, CONTINUITY
}
