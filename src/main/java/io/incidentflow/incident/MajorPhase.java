package io.incidentflow.incident;

import io.incidentflow.common.Coded;

/** Where an incident stands in major incident management (Tier 2); null when it never went there. */
public enum MajorPhase implements Coded {
    /** Escalated; the triage team decides whether it is a major incident. */
    TRIAGE,
    /** A major incident: commander, bridges, experiments and stakeholder updates until service is restored. */
    ACTIVE,
    /** Triage found it is not major; back in normal incident handling. */
    DEACTIVATED,
    /** Service restored; the post-mortem follows. */
    RESTORED
}
