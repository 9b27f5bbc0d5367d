/**
 * IncidentFlow: incident, major incident and service continuity orchestration on Camunda 7. Each sub-package owns
 * one feature; they depend on each other without cycles (ArchitectureTest), lower packages telling higher ones
 * through Spring events or small ports.
 */
package io.incidentflow;
