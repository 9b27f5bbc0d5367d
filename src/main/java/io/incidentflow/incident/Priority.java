package io.incidentflow.incident;

/** Priority from the {@code incident-priority} decision; P1 is the most urgent. */
public enum Priority {
    P1, P2, P3, P4;

    /** P1 and P2 incidents get a post-incident review. */
    public boolean needsReview() {
        return this == P1 || this == P2;
    }
}
