package io.incidentflow.ingest;

import java.time.Instant;

/** A monitoring integration: what an integration key stands for (one catalog service). */
public record Integration(long id, String name, String serviceId, String keyHint, String createdBy,
                          Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
