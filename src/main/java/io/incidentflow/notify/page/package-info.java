/**
 * Paging responders: the page-responder process, its escalation levels, acknowledgement by link or API and the
 * page history. Depends on notify delivery and on-call; tells incidents and metrics through PageRecorded.
 */
package io.incidentflow.notify.page;
