package io.incidentflow.ingest;

import io.incidentflow.catalog.Criticality;
import io.incidentflow.incident.Category;
import io.incidentflow.incident.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How monitoring events become incidents ({@code incidentflow.ingest} in application.yaml; process
 * owners edit it there or override single values with environment variables).
 *
 * @param maxBodyBytes          largest accepted request body (PagerDuty documents 512 KB)
 * @param severityLabel         Alertmanager label holding the severity (PagerDuty: {@code payload.severity})
 * @param serviceLabel          label (Alertmanager) or {@code custom_details} field (PagerDuty) naming the
 *                              catalog service; absent or unknown → the integration's service
 * @param impactLabel           label / custom_details field that sets the impact directly (high, medium, low)
 * @param urgencyLabel          label / custom_details field that sets the urgency directly
 * @param categoryLabel         label / custom_details field naming the category (hardware, software, …)
 * @param defaultCategory       category of an event that names none
 * @param defaultSeverity       severity of an event that names none or an unknown one
 * @param severityAliases       other severity words (e.g. Alertmanager's {@code page}) → one of critical,
 *                              error, warning, info
 * @param severities            severity → impact and urgency
 * @param criticalityOverrides  service criticality → severity → impact and urgency, winning over
 *                              {@code severities}; by default a critical event on a mission-critical
 *                              service is high/high, i.e. P1 with widespread impact, which the
 *                              major-incident criteria hand to Tier 2 triage
 * @param retryAttempts         attempts of one event when it loses a race (duplicate key, lock timeout)
 * @param rateLimit             events per minute an integration key may send, unless the key has its own limit
 * @param payloadRetention      how long events with their raw payloads are kept ({@link PayloadPruner})
 * @param pruneBatchSize        events deleted per transaction when pruning
 */
@ConfigurationProperties("incidentflow.ingest")
public record IngestProperties(
        Integer maxBodyBytes,
        String severityLabel,
        String serviceLabel,
        String impactLabel,
        String urgencyLabel,
        String categoryLabel,
        Category defaultCategory,
        String defaultSeverity,
        Map<String, String> severityAliases,
        Map<String, Rating> severities,
        Map<String, Map<String, Rating>> criticalityOverrides,
        Integer retryAttempts,
        RateLimit rateLimit,
        Duration payloadRetention,
        Integer pruneBatchSize) {

    public static final String[] SEVERITIES = {"critical", "error", "warning", "info"};

    public IngestProperties {
        maxBodyBytes = maxBodyBytes == null ? 512 * 1024 : maxBodyBytes;
        severityLabel = severityLabel == null ? "severity" : severityLabel;
        serviceLabel = serviceLabel == null ? "service" : serviceLabel;
        impactLabel = impactLabel == null ? "impact" : impactLabel;
        urgencyLabel = urgencyLabel == null ? "urgency" : urgencyLabel;
        categoryLabel = categoryLabel == null ? "category" : categoryLabel;
        defaultCategory = defaultCategory == null ? Category.SOFTWARE : defaultCategory;
        defaultSeverity = defaultSeverity == null ? "warning" : defaultSeverity.toLowerCase(Locale.ROOT);
        severityAliases = lowerKeys(severityAliases == null ? Map.of() : severityAliases);
        severities = lowerKeys(severities == null || severities.isEmpty() ? defaultSeverities() : severities);
        criticalityOverrides = criticalityOverrides == null
                ? Map.of("mission-critical", Map.of("critical", new Rating(Level.HIGH, Level.HIGH)))
                : criticalityOverrides;
        retryAttempts = retryAttempts == null ? 30 : retryAttempts;
        rateLimit = rateLimit == null ? new RateLimit(null) : rateLimit;
        payloadRetention = payloadRetention == null ? Duration.ofDays(30) : payloadRetention;
        pruneBatchSize = pruneBatchSize == null ? 1000 : pruneBatchSize;
        if (payloadRetention.isNegative() || payloadRetention.isZero()) {
            throw new IllegalArgumentException("incidentflow.ingest.payload-retention must be positive (was "
                    + payloadRetention + ")");
        }
        if (pruneBatchSize < 1) {
            throw new IllegalArgumentException("incidentflow.ingest.prune-batch-size must be at least 1 (was "
                    + pruneBatchSize + ")");
        }
        for (String severity : SEVERITIES) {
            if (!severities.containsKey(severity)) {
                throw new IllegalArgumentException("incidentflow.ingest.severities needs an entry for '" + severity + "'");
            }
        }
        if (!severities.containsKey(defaultSeverity)) {
            throw new IllegalArgumentException("incidentflow.ingest.default-severity '" + defaultSeverity
                    + "' is not one of incidentflow.ingest.severities");
        }
        for (Map.Entry<String, Map<String, Rating>> override : criticalityOverrides.entrySet()) {
            if (Arrays.stream(Criticality.values()).noneMatch(c -> c.code().equals(override.getKey()))) {
                throw new IllegalArgumentException("incidentflow.ingest.criticality-overrides." + override.getKey()
                        + ": not a service criticality (expected one of " + Arrays.stream(Criticality.values())
                        .map(Criticality::code).collect(Collectors.joining(", ")) + ")");
            }
            for (String severity : override.getValue().keySet()) {
                if (!severities.containsKey(severity)) {
                    throw new IllegalArgumentException("incidentflow.ingest.criticality-overrides." + override.getKey()
                            + "." + severity + ": not one of the severities " + String.join(", ", SEVERITIES));
                }
            }
        }
        for (Map.Entry<String, String> alias : severityAliases.entrySet()) {
            if (!severities.containsKey(alias.getValue().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("incidentflow.ingest.severity-aliases." + alias.getKey()
                        + " points to unknown severity '" + alias.getValue() + "'");
            }
        }
    }

    /** Impact and urgency given to an incident. */
    public record Rating(Level impact, Level urgency) {
        public Rating {
            if (impact == null || urgency == null) {
                throw new IllegalArgumentException("incidentflow.ingest: every rating needs impact and urgency");
            }
        }
    }

    /**
     * Per-key rate limit, a token bucket per key on each node.
     *
     * @param eventsPerMinute events a key may send per minute, at most that many at once; 0: no limit.
     *                        Default 120, PagerDuty's Events API v2 limit per integration key.
     */
    public record RateLimit(Integer eventsPerMinute) {
        public RateLimit {
            eventsPerMinute = eventsPerMinute == null ? 120 : eventsPerMinute;
            if (eventsPerMinute < 0) {
                throw new IllegalArgumentException("incidentflow.ingest.rate-limit.events-per-minute must not be"
                        + " negative (was " + eventsPerMinute + "; 0 turns the limit off)");
            }
        }
    }

    private static Map<String, Rating> defaultSeverities() {
        Map<String, Rating> map = new LinkedHashMap<>();
        map.put("critical", new Rating(Level.MEDIUM, Level.HIGH));
        map.put("error", new Rating(Level.MEDIUM, Level.MEDIUM));
        map.put("warning", new Rating(Level.LOW, Level.MEDIUM));
        map.put("info", new Rating(Level.LOW, Level.LOW));
        return map;
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
        Map<String, V> lower = new LinkedHashMap<>();
        map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(lower);
    }
}
