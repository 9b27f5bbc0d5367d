package io.incidentflow.continuity;

import java.util.List;
import java.util.Optional;

/**
 * One invocation of service continuity (disaster recovery).
 *
 * @param id         the process business key: the incident id when invoked for an incident, else e.g. DR-000001
 * @param incidentId the incident it was invoked for, or null for a direct invocation
 */
public record Invocation(String id, String incidentId, List<String> serviceIds, String reason) {

    public Optional<String> incident() {
        return Optional.ofNullable(incidentId);
    }
}
