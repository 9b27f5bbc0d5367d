/**
 * Major incidents (Tier 2): activation, roles, bridges, hypotheses and experiments, stakeholder updates and the
 * status page. Builds on incident, notify and continuity; nothing but processstate depends on it.
 */
package io.incidentflow.major;
