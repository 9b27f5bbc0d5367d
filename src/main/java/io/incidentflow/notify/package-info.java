/**
 * The notification model shared by the notify sub-packages: a notification, its audience, channel, event and
 * delivery status, the notify settings and signed acknowledgement links. Depends on common and engine only; its
 * sub-packages build on it, never the other way round.
 */
package io.incidentflow.notify;
