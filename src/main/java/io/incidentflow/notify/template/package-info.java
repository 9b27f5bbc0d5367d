/**
 * Notification texts: the templates in notifications/ per event, audience and channel, checked at start and
 * rendered with escaping. Depends only on the notify model.
 */
package io.incidentflow.notify.template;
