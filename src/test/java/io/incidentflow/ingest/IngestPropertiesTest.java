package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.incident.Category;
import io.incidentflow.incident.Level;
import io.incidentflow.ingest.IngestProperties.Rating;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A process owner's mistake in incidentflow.ingest stops the start with a message naming the setting. */
class IngestPropertiesTest {

    private static final Map<String, Rating> SEVERITIES = Map.of("critical", new Rating(Level.MEDIUM, Level.HIGH),
            "error", new Rating(Level.MEDIUM, Level.MEDIUM), "warning", new Rating(Level.LOW, Level.MEDIUM),
            "info", new Rating(Level.LOW, Level.LOW));

    /** The defaults are application.yaml's (ConfigurationValidationTest); here only what the checks look at. */
    private static IngestProperties with(String defaultSeverity, Map<String, String> aliases,
                                         Map<String, Map<String, Rating>> overrides) {
        return new IngestProperties(512 * 1024, "severity", "service", "impact", "urgency", "category",
                Category.SOFTWARE, defaultSeverity == null ? "warning" : defaultSeverity, aliases, SEVERITIES,
                overrides, 30, new IngestProperties.RateLimit(120), Duration.ofDays(30), 1000,
                new IngestProperties.Opening(1, Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void severityNamesAreCaseInsensitive() {
        IngestProperties properties = with("WARNING", Map.of("Page", "CRITICAL"), null);
        assertThat(properties.defaultSeverity()).isEqualTo("warning");
        assertThat(properties.severityAliases()).containsEntry("page", "CRITICAL");
    }

    @Test
    void unknownCriticalityIsRefused() {
        assertThatThrownBy(() -> with(null, null, Map.of("mission_critical", Map.of("critical", new Rating(Level.HIGH, Level.HIGH)))))
                .hasMessageContaining("incidentflow.ingest.criticality-overrides.mission_critical: not a service criticality");
    }

    @Test
    void unknownSeverityInAnOverrideAnAliasOrTheDefaultIsRefused() {
        assertThatThrownBy(() -> with(null, null, Map.of("internal", Map.of("fatal", new Rating(Level.LOW, Level.LOW)))))
                .hasMessageContaining("criticality-overrides.internal.fatal");
        assertThatThrownBy(() -> with(null, Map.of("page", "urgent"), null))
                .hasMessageContaining("severity-aliases.page points to unknown severity 'urgent'");
        assertThatThrownBy(() -> with("urgent", null, null))
                .hasMessageContaining("default-severity 'urgent'");
    }
}
