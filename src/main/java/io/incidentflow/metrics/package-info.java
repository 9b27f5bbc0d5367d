/**
 * Prometheus metrics of incidents, pages, deliveries and ingest, collected from events and the engine's job table.
 * An observer at the top: it may depend on features, they must not depend on it.
 */
package io.incidentflow.metrics;
