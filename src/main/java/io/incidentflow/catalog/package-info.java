/**
 * The business service catalog: services, their criticality, continuity tier, resolver group and SLA inputs.
 * Depends on common and security only; tells others through events (ResolverGroupDeclared), never calls them.
 */
package io.incidentflow.catalog;
