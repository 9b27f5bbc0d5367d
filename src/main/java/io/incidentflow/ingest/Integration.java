package io.incidentflow.ingest;

import java.time.Instant;

/**
 * A monitoring integration: what an integration key stands for. Its events act on its own catalog
 * service and on the further services camunda-admin allowed (table {@code ingest_integration_service}).
 *
 * @param rateLimitPerMinute events per minute this key may send; null: the configured default
 */
public record Integration(long id, String name, String serviceId, String keyHint, String createdBy,
                          Instant createdAt, Instant revokedAt, Integer rateLimitPerMinute) {

    public boolean active() {
        return revokedAt == null;
    }
}
