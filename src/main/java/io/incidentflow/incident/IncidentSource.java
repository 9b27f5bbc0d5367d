package io.incidentflow.incident;

/** Where an incident was logged from. */
public enum IncidentSource {
    API, TASKLIST, ALERTMANAGER, PAGERDUTY
}
