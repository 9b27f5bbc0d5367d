/**
 * Service continuity (Tier 3): disaster recovery invocation, recovery strategy decision, RTO clock, failback and
 * DR readiness. Builds on incident, catalog and notify; must not depend on major incidents, which invoke it.
 */
package io.incidentflow.continuity;
