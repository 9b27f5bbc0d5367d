package io.incidentflow.security;

/**
 * Asks for a Camunda group for a resolver group the catalog names, so its people can be given the group. The
 * catalog publishes it; it lives here because security, which owns the groups, sits below the catalog.
 */
public record ResolverGroupDeclared(String groupId) {
}
