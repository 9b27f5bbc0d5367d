package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.incident.Category;
import io.incidentflow.incident.Level;
import io.incidentflow.ingest.IngestProperties.Rating;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A process owner's mistake in incidentflow.ingest stops the start with a message naming the setting. */
class IngestPropertiesTest {

    private static IngestProperties with(String defaultSeverity, Map<String, String> aliases,
                                         Map<String, Map<String, Rating>> overrides) {
        return new IngestProperties(null, null, null, null, null, null, null, defaultSeverity, aliases, null, overrides, null,
                null, null, null);
    }

    @Test
    void defaults() {
        IngestProperties properties = with(null, null, null);
        assertThat(properties.maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(properties.defaultCategory()).isEqualTo(Category.SOFTWARE);
        assertThat(properties.severities()).containsKeys(IngestProperties.SEVERITIES);
        assertThat(properties.criticalityOverrides().get("mission-critical").get("critical"))
                .isEqualTo(new Rating(Level.HIGH, Level.HIGH));
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

    @Test
    void aRatingNeedsImpactAndUrgency() {
        assertThatThrownBy(() -> new Rating(Level.HIGH, null)).hasMessageContaining("impact and urgency");
    }
}
