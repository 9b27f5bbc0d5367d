package io.incidentflow.major;

import io.incidentflow.common.Coded;

/** How major incident management ended, as the incident process reads it ({@code majorOutcome}). */
public enum MajorOutcome implements Coded {
    /** Triage found it is not major: the incident process resumes where it left off. */
    DEACTIVATED,
    /** Service restored and the post-mortem filed: the incident process closes the incident. */
    RESTORED
}
