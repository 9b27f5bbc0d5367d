package io.incidentflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.ingest.MonitoringEvent.Action;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Alertmanager webhook payload, version 4: {@code version}, {@code groupKey}, {@code truncatedAlerts},
 * {@code status}, {@code receiver}, {@code groupLabels}, {@code commonLabels}, {@code commonAnnotations},
 * {@code externalURL}, {@code alerts[]} ({@code status}, {@code labels}, {@code annotations},
 * {@code startsAt}, {@code endsAt}, {@code generatorURL}, {@code fingerprint}).
 * <p>
 * The group ({@code groupKey}) is the dedup key: one incident per open group. {@code status: firing}
 * triggers (opens or appends), {@code resolved} resolves. A retried delivery has the same
 * idempotency key (groupKey, status and each alert's fingerprint, status and startsAt).
 */
@Component
public class AlertmanagerParser {

    static final String FORMAT = "alertmanager";
    private static final Set<String> STATUSES = Set.of("firing", "resolved");
    private static final int LISTED_ALERTS = 20;

    private final IngestProperties properties;
    private final SeverityMapping severities;

    public AlertmanagerParser(IngestProperties properties, SeverityMapping severities) {
        this.properties = properties;
        this.severities = severities;
    }

    record Alert(String status, Map<String, String> labels, Map<String, String> annotations, OffsetDateTime startsAt,
                 String fingerprint) {
    }

    public MonitoringEvent parse(byte[] body) {
        JsonNode root = JsonChecks.parseObject(body);
        JsonChecks c = new JsonChecks();
        String version = c.string(root, "version", "version", true, 0);
        if (version != null && !"4".equals(version)) {
            c.problem("version", "must be \"4\" (Alertmanager webhook payload version 4; was '" + version + "')");
        }
        String groupKey = c.string(root, "groupKey", "groupKey", true, 0);
        String status = c.oneOf(root, "status", "status", true, STATUSES);
        String receiver = c.string(root, "receiver", "receiver", false, 0);
        String externalUrl = c.string(root, "externalURL", "externalURL", false, 0);
        Integer truncated = c.nonNegativeInt(root, "truncatedAlerts", "truncatedAlerts");
        Map<String, String> groupLabels = c.stringMap(root, "groupLabels", "groupLabels", false);
        Map<String, String> commonLabels = c.stringMap(root, "commonLabels", "commonLabels", false);
        Map<String, String> commonAnnotations = c.stringMap(root, "commonAnnotations", "commonAnnotations", false);
        JsonNode alertsNode = c.array(root, "alerts", "alerts", true);
        List<Alert> alerts = new ArrayList<>();
        if (alertsNode != null) {
            if (alertsNode.isEmpty()) {
                c.problem("alerts", "must not be empty");
            }
            for (int i = 0; i < alertsNode.size(); i++) {
                String path = "alerts[" + i + "]";
                JsonNode node = alertsNode.get(i);
                if (!node.isObject()) {
                    c.problem(path, "must be an object");
                    continue;
                }
                String alertStatus = c.oneOf(node, "status", path + ".status", true, STATUSES);
                Map<String, String> labels = c.stringMap(node, "labels", path + ".labels", true);
                Map<String, String> annotations = c.stringMap(node, "annotations", path + ".annotations", false);
                OffsetDateTime startsAt = c.timestamp(node, "startsAt", path + ".startsAt", true);
                c.timestamp(node, "endsAt", path + ".endsAt", false);
                c.string(node, "generatorURL", path + ".generatorURL", false, 0);
                String fingerprint = c.string(node, "fingerprint", path + ".fingerprint", false, 0);
                alerts.add(new Alert(alertStatus, labels, annotations, startsAt,
                        fingerprint == null || fingerprint.isBlank() ? labelFingerprint(labels) : fingerprint));
            }
        }
        c.throwIfAny();

        Map<String, String> labels = new TreeMap<>(groupLabels);
        labels.putAll(commonLabels.isEmpty() ? alerts.get(0).labels() : commonLabels);
        String severity = commonLabels.get(properties.severityLabel());
        if (severity == null) {
            severity = alerts.stream().filter(a -> "firing".equals(a.status()))
                    .map(a -> a.labels().get(properties.severityLabel()))
                    .filter(s -> s != null)
                    .min(Comparator.comparingInt(severities::rank))
                    .orElse(null);
        }
        String idempotency = IntegrationKeys.sha256(groupKey + "\n" + status + "\n" + alerts.stream()
                .map(a -> a.fingerprint() + "|" + a.status() + "|" + a.startsAt().toInstant())
                .sorted().collect(Collectors.joining("\n")));
        String dedupKey = groupKey.length() <= 255 ? groupKey : "sha256:" + IntegrationKeys.sha256(groupKey);
        return new MonitoringEvent(FORMAT, "firing".equals(status) ? Action.TRIGGER : Action.RESOLVE, dedupKey,
                idempotency, summary(commonAnnotations, commonLabels, alerts, groupKey),
                details(groupKey, status, receiver, externalUrl, truncated, alerts), severity, labels,
                "Alertmanager" + (receiver == null || receiver.isBlank() ? "" : " (receiver " + receiver + ")"),
                new String(body, StandardCharsets.UTF_8));
    }

    private static String summary(Map<String, String> commonAnnotations, Map<String, String> commonLabels,
                                  List<Alert> alerts, String groupKey) {
        String summary = commonAnnotations.get("summary");
        if (summary == null || summary.isBlank()) {
            summary = alerts.stream().map(a -> a.annotations().get("summary")).filter(s -> s != null && !s.isBlank())
                    .findFirst().orElse(null);
        }
        String alertname = commonLabels.getOrDefault("alertname", alerts.get(0).labels().get("alertname"));
        if (summary == null || summary.isBlank()) {
            return alertname != null ? alertname : "Alert group " + groupKey;
        }
        return alertname != null && !summary.contains(alertname) ? alertname + ": " + summary : summary;
    }

    private static String details(String groupKey, String status, String receiver, String externalUrl,
                                  Integer truncated, List<Alert> alerts) {
        long firing = alerts.stream().filter(a -> "firing".equals(a.status())).count();
        StringBuilder text = new StringBuilder("Alertmanager ").append(status).append(": ")
                .append(firing).append(" firing, ").append(alerts.size() - firing).append(" resolved");
        if (truncated != null && truncated > 0) {
            text.append(" (+").append(truncated).append(" alerts truncated by Alertmanager)");
        }
        text.append("; group ").append(groupKey);
        if (receiver != null) {
            text.append(", receiver ").append(receiver);
        }
        if (externalUrl != null) {
            text.append(", ").append(externalUrl);
        }
        alerts.stream().limit(LISTED_ALERTS).forEach(a -> {
            text.append("\n- [").append(a.status()).append("] ").append(a.labels().getOrDefault("alertname", "alert"))
                    .append(a.labels().entrySet().stream().filter(e -> !"alertname".equals(e.getKey()))
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}")))
                    .append(" since ").append(a.startsAt().toInstant());
            String line = a.annotations().getOrDefault("summary", a.annotations().get("description"));
            if (line != null) {
                text.append(": ").append(line);
            }
        });
        if (alerts.size() > LISTED_ALERTS) {
            text.append("\n… and ").append(alerts.size() - LISTED_ALERTS).append(" more");
        }
        return text.toString();
    }

    private static String labelFingerprint(Map<String, String> labels) {
        return IntegrationKeys.sha256(new TreeMap<>(labels).toString()).substring(0, 16);
    }
}
