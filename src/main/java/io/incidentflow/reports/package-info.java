/**
 * Restoration metrics reports (JSON and CSV) computed from recorded times and the engine history. Reads incident
 * and catalog; nothing depends on it.
 */
package io.incidentflow.reports;
