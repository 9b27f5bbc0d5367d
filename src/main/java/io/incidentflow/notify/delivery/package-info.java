/**
 * Turns a notification event into messages for the right people (Recipients, on-call), renders them, queues and
 * delivers each exactly once through the notification-delivery process. Depends on the notify model, channels,
 * templates and on-call; observers such as metrics are told through DeliveryAttempted, not called.
 */
package io.incidentflow.notify.delivery;
