/**
 * What every feature shares and nothing else: the domain's refusals (DomainException and its kinds, FieldProblem)
 * and log-safe text. Depends on no other package of the application.
 */
package io.incidentflow.common;
