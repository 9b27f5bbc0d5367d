/**
 * Monitoring events in (PagerDuty Events v2 and Alertmanager compatible): integration keys, rate limits,
 * parsing, de-duplication into incidents. Builds on incident and catalog; only metrics above observe it.
 */
package io.incidentflow.ingest;
