/**
 * On-call schedules, rotations, overrides and people: who is on call for a group now. Depends on the notify model,
 * security and engine; it neither sends nor pages.
 */
package io.incidentflow.notify.oncall;
