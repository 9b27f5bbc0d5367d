package io.incidentflow.incident;

/**
 * Monitoring says the service of an incident is healthy again (Alertmanager {@code resolved}, PagerDuty
 * {@code resolve}). Published in the transaction that records it; a person still confirms restoration.
 */
public record MonitoringRecoveryReported(String incidentId, String report) {
}
