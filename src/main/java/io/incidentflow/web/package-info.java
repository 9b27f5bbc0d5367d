/**
 * The HTTP edge shared by all controllers: domain refusals turned into RFC 9457 problem details in one place, the
 * problem types and their OpenAPI schema, CSV cells. Depends only on common; no feature logic.
 */
package io.incidentflow.web;
