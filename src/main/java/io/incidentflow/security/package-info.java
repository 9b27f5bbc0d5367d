/**
 * Who the callers are and what they may do: roles as Camunda groups (Roles), users, authorizations, login and its
 * throttle, Spring Security configuration, the Cockpit session login. Owns the Camunda identity; depends on common,
 * web and engine (and on the process keys ProcessStarter grants), so every feature may use it.
 */
package io.incidentflow.security;
