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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How monitoring events become incidents ({@code incidentflow.ingest} in application.yaml, which holds every
 * default; process owners edit it there or override single values with environment variables). A value
 * that is missing or out of range stops the start with a message naming the setting.
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
 * @param opening               how incidents of PagerDuty triggers are opened after the trigger was answered
 */
@ConfigurationProperties("incidentflow.ingest")
@Validated
public record IngestProperties(
        @NotNull @Positive Integer maxBodyBytes,
        @NotBlank String severityLabel,
        @NotBlank String serviceLabel,
        @NotBlank String impactLabel,
        @NotBlank String urgencyLabel,
        @NotBlank String categoryLabel,
        @NotNull Category defaultCategory,
        @NotBlank String defaultSeverity,
        Map<String, String> severityAliases,
        @NotEmpty Map<String, @Valid Rating> severities,
        Map<String, Map<String, @Valid Rating>> criticalityOverrides,
        @NotNull @Positive Integer retryAttempts,
        @NotNull @Valid RateLimit rateLimit,
        @NotNull @DurationMin(nanos = 0, inclusive = false) Duration payloadRetention,
        @NotNull @Positive Integer pruneBatchSize,
        @NotNull @Valid Opening opening) {

    public static final String[] SEVERITIES = {"critical", "error", "warning", "info"};

    /** Single values are checked by their annotations; here what depends on several, once they are there. */
    public IngestProperties {
        defaultSeverity = defaultSeverity == null ? null : defaultSeverity.toLowerCase(Locale.ROOT);
        severityAliases = severityAliases == null ? Map.of() : lowerKeys(severityAliases);
        severities = severities == null ? Map.of() : lowerKeys(severities);
        criticalityOverrides = criticalityOverrides == null ? Map.of() : criticalityOverrides;
        if (!severities.isEmpty()) { // none: reported by @NotEmpty
            requireKnownSeverities(defaultSeverity, severityAliases, severities, criticalityOverrides);
        }
    }

    private static void requireKnownSeverities(String defaultSeverity, Map<String, String> severityAliases,
                                               Map<String, Rating> severities,
                                               Map<String, Map<String, Rating>> criticalityOverrides) {
        for (String severity : SEVERITIES) {
            if (!severities.containsKey(severity)) {
                throw new IllegalArgumentException("incidentflow.ingest.severities needs an entry for '" + severity + "'");
            }
        }
        if (defaultSeverity != null && !severities.containsKey(defaultSeverity)) {
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
    public record Rating(@NotNull Level impact, @NotNull Level urgency) {
    }

    /**
     * Per-key rate limit, a token bucket per key on each node.
     *
     * @param eventsPerMinute events a key may send per minute, at most that many at once; 0: no limit
     */
    public record RateLimit(@NotNull @PositiveOrZero Integer eventsPerMinute) {
    }

    /**
     * PagerDuty's Events API queues events: a trigger is answered once stored, and its incident is opened
     * right after by an opener thread of the node that took it. The sweep opens what a crashed node left.
     *
     * @param threads       opener threads per node; each opens one incident at a time
     * @param sweepInterval how often every node looks for alerts still waiting for their incident
     * @param sweepAfter    how old a waiting alert must be before the sweep takes it from the node that took it
     */
    public record Opening(@NotNull @Positive Integer threads,
                          @NotNull @DurationMin(nanos = 0, inclusive = false) Duration sweepInterval,
                          @NotNull @DurationMin(nanos = 0, inclusive = false) Duration sweepAfter) {
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
        Map<String, V> lower = new LinkedHashMap<>();
        map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(lower);
    }
}
