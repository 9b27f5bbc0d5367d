/**
 * Channels that send a rendered notification (e-mail, HTTP gateways for SMS, chat, voice). Depends only on the
 * notify model and templates; what to send and to whom is decided above it.
 */
package io.incidentflow.notify.channel;
