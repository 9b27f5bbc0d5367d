package io.incidentflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.ingest.MonitoringEvent.Action;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * PagerDuty Events API v2 event: {@code routing_key}, {@code event_action} (trigger, acknowledge,
 * resolve), {@code dedup_key} (≤ 255; generated for a trigger without one, required otherwise),
 * {@code payload} (trigger: {@code summary} ≤ 1024, {@code source}, {@code severity} required;
 * {@code timestamp}, {@code component}, {@code group}, {@code class}, {@code custom_details} optional),
 * {@code images}, {@code links}, {@code client}, {@code client_url}.
 */
@Component
public class PagerDutyParser {

    static final String FORMAT = "pagerduty";
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    /** The routing key as sent, or null when it is missing or not a string (a problem is recorded). */
    public String routingKey(JsonNode root, JsonChecks checks) {
        return checks.string(root, "routing_key", "routing_key", true, 0);
    }

    public MonitoringEvent parse(JsonNode root, JsonChecks c, byte[] body) {
        String action = c.oneOf(root, "event_action", "event_action", true, ACTIONS);
        String dedupKey = c.string(root, "dedup_key", "dedup_key", false, 255);
        if (action != null && !"trigger".equals(action) && (dedupKey == null || dedupKey.isBlank())
                && c.problems.stream().noneMatch(p -> p.field().equals("dedup_key"))) {
            c.problem("dedup_key", "is required for event_action " + action);
        }
        c.string(root, "client", "client", false, 0);
        c.string(root, "client_url", "client_url", false, 0);
        c.array(root, "images", "images", false);
        c.array(root, "links", "links", false);
        String summary = null;
        String source = null;
        String severity = null;
        StringBuilder details = new StringBuilder();
        Map<String, String> labels = new LinkedHashMap<>();
        if ("trigger".equals(action)) {
            JsonNode payload = c.object(root, "payload", "payload", true);
            if (payload != null) {
                summary = c.string(payload, "summary", "payload.summary", true, 1024);
                source = c.string(payload, "source", "payload.source", true, 0);
                severity = c.oneOf(payload, "severity", "payload.severity", true, SEVERITIES);
                c.timestamp(payload, "timestamp", "payload.timestamp", false);
                String component = c.string(payload, "component", "payload.component", false, 0);
                String group = c.string(payload, "group", "payload.group", false, 0);
                String eventClass = c.string(payload, "class", "payload.class", false, 0);
                JsonNode custom = payload.get("custom_details");
                details.append("PagerDuty event from ").append(source).append(" (severity ").append(severity).append(")");
                append(details, "component", component);
                append(details, "group", group);
                append(details, "class", eventClass);
                append(details, "client", textOrNull(root.get("client")));
                append(details, "client_url", textOrNull(root.get("client_url")));
                if (!JsonChecks.absent(custom)) {
                    details.append("\ncustom_details: ").append(custom.toString());
                    if (custom.isObject()) {
                        custom.fields().forEachRemaining(e -> {
                            if (e.getValue().isValueNode()) {
                                labels.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
                            }
                        });
                    }
                }
            }
        }
        c.throwIfAny();
        if (dedupKey == null || dedupKey.isBlank()) {
            dedupKey = UUID.randomUUID().toString().replace("-", "");
        }
        return new MonitoringEvent(FORMAT, Action.valueOf(action.toUpperCase(Locale.ROOT)), dedupKey, null, summary,
                details.isEmpty() ? null : details.toString(), severity, labels,
                source == null ? "PagerDuty Events API" : source, new String(body, StandardCharsets.UTF_8));
    }

    /** A stored trigger read again, for opening its incident after it was answered; its dedup key as stored. */
    MonitoringEvent reparse(String payload, String dedupKey) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        MonitoringEvent event = parse(JsonChecks.parseObject(body), new JsonChecks(), body);
        return new MonitoringEvent(event.format(), event.action(), dedupKey, event.idempotencyKey(), event.summary(),
                event.details(), event.severity(), event.labels(), event.caller(), event.payload());
    }

    private static void append(StringBuilder details, String name, String value) {
        if (value != null && !value.isBlank()) {
            details.append("\n").append(name).append(": ").append(value);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
