package io.incidentflow.incident;

/**
 * Logs a new incident. Implemented by the incident process (incident.process), which writes the incident in its
 * first step; declared here so the API of this package can log incidents without depending on the process side.
 */
public interface IncidentIntake {

    Incident log(NewIncident details, IncidentSource source);
}
