package io.incidentflow.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incidentflow.notify.*}. Email goes out when {@code spring.mail.host} is set, chat and SMS when
 * their URL is; a channel left unconfigured writes to the outbox (notification table and log) instead.
 *
 * @param templates   where the template files are ({@code <event>.yaml})
 * @param retryCycle  how often a failed delivery is retried before it becomes an incident in Cockpit
 *                    (Camunda retry time cycle, e.g. {@code R5/PT1M})
 * @param httpTimeout connect and read timeout of the chat and SMS gateways
 * @param emailFrom   sender address of the emails
 * @param chat        chat webhook: JSON POST
 * @param sms         SMS/voice gateway
 * @param ack         acknowledgement of pages
 */
@ConfigurationProperties("incidentflow.notify")
public record NotifyProperties(String templates, String retryCycle, Duration httpTimeout, String emailFrom,
                               HttpGateway chat, HttpGateway sms, Ack ack) {

    /**
     * An HTTP channel: {@code body} is a template filled with {@code {{to}}} (the recipient's address on
     * the channel), {@code {{text}}}, {@code {{subject}}}, {@code {{body}}}, {@code {{incidentId}}} and
     * {@code {{messageKey}}}, each escaped for the content type (JSON string, form field).
     */
    public record HttpGateway(String url, String contentType, String body) {
    }

    /**
     * @param signingKey   HMAC key of acknowledgement links; blank: generated once and kept in the database
     * @param linkValidity how long an acknowledgement link works
     * @param timeout      how long a page waits for an acknowledgement before the next level is paged,
     *                     unless the calling process gives {@code ackTimeout}
     */
    public record Ack(String signingKey, Duration linkValidity, Duration timeout) {
    }
}
