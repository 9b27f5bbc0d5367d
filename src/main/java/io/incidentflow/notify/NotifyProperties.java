package io.incidentflow.notify;

import java.time.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record NotifyProperties(@NotBlank String templates, @NotBlank String retryCycle,
                               @NotNull @DurationMin(nanos = 0, inclusive = false) Duration httpTimeout,
                               @NotBlank String emailFrom, @NotNull @Valid HttpGateway chat,
                               @NotNull @Valid HttpGateway sms, @NotNull @Valid Ack ack) {

    /**
     * An HTTP channel: {@code body} is a template filled with {@code {{to}}} (the recipient's address on
     * the channel), {@code {{text}}}, {@code {{subject}}}, {@code {{body}}}, {@code {{incidentId}}} and
     * {@code {{messageKey}}}, each escaped for the content type (JSON string, form field).
     */
    public record HttpGateway(String url, @NotBlank String contentType, @NotBlank String body) {
    }

    /**
     * @param signingKey   HMAC key of acknowledgement links; blank: generated once and kept in the database
     * @param linkValidity how long an acknowledgement link works
     * @param timeout      how long a page waits for an acknowledgement before the next level is paged,
     *                     unless the calling process gives {@code ackTimeout}
     */
    public record Ack(String signingKey, @NotNull @DurationMin(nanos = 0, inclusive = false) Duration linkValidity,
                      @NotNull @DurationMin(nanos = 0, inclusive = false) Duration timeout) {
    }
}
