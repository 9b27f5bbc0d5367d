/**
 * The Cockpit plugin's read-only endpoints (incident timeline for the webapp session). Depends on incident; the
 * session login lives in security.
 */
package io.incidentflow.cockpit;
