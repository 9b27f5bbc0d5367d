package io.incidentflow.catalog;

/** Published when the catalog names a resolver group, so the group can be set up for its people. */
public record ResolverGroupDeclared(String groupId) {
}
