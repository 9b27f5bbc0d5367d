/**
 * The model gate: the engine plugin that refuses deployments breaking the model rules (layout, ids, names,
 * delegates as beans, candidate groups) and the expression manager that allows only those beans. Depends on
 * engine and security only, never on a feature.
 */
package io.incidentflow.modelgate;
