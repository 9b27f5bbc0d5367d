package io.incidentflow.notify.channel;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotifyProperties.HttpGateway;
import io.incidentflow.notify.template.TextTemplate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.connect.httpclient.impl.RequestConfigOption;

/**
 * A channel that POSTs each message to an HTTP endpoint through Camunda Connect's {@code http-connector}:
 * the chat webhook and the SMS/voice gateway, each with its URL and body template from configuration.
 * Any 2xx answer is delivery; anything else is a failure the engine retries.
 */
public class HttpGatewayChannel implements NotificationChannel {

    static final Set<String> BODY_VARIABLES = Set.of("to", "text", "subject", "body", "incidentId", "messageKey");

    private final Channel channel;
    private final String url;
    private final String contentType;
    private final TextTemplate body;
    private final int timeoutMillis;

    /** @param property the configuration property of this channel, named in start-up errors */
    public HttpGatewayChannel(Channel channel, HttpGateway gateway, Duration timeout, String property) {
        this.channel = channel;
        this.url = gateway.url();
        this.contentType = gateway.contentType();
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        try {
            this.body = TextTemplate.parse(gateway.body());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ".body: " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(body.names());
        unknown.removeAll(BODY_VARIABLES);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(property + ".body uses " + unknown + ", which a message does not provide "
                    + "(it provides " + new TreeSet<>(BODY_VARIABLES) + ")");
        }
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public void send(Notification message) {
        String payload = body.fill(Map.of("to", message.getAddress(), "text", message.getShortText(),
                "subject", message.getSubject(), "body", message.getBody(),
                "incidentId", String.valueOf(message.getIncidentId()), "messageKey", message.getMessageKey()), escape());
        HttpConnector http = Connectors.getConnector(HttpConnector.ID);
        HttpResponse response = http.createRequest().post().url(url).contentType(contentType)
                .header("Idempotency-Key", message.getMessageKey())
                .configOption(RequestConfigOption.CONNECTION_TIMEOUT.getName(), timeoutMillis)
                .configOption(RequestConfigOption.SOCKET_TIMEOUT.getName(), timeoutMillis)
                .payload(payload).execute();
        try {
            int status = response.getStatusCode();
            if (status < 200 || status > 299) {
                throw new IllegalStateException(channel.code() + " gateway answered " + status + " for the message to "
                        + message.getAddress() + excerpt(response.getResponse()));
            }
        } finally {
            response.close();
        }
    }

    private UnaryOperator<String> escape() {
        if (contentType.contains("json")) {
            return value -> new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
        if (contentType.contains("x-www-form-urlencoded")) {
            return value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        return UnaryOperator.identity();
    }

    private static String excerpt(String answer) {
        if (answer == null || answer.isBlank()) {
            return "";
        }
        return ": " + (answer.length() <= 200 ? answer : answer.substring(0, 200) + "...");
    }
}
