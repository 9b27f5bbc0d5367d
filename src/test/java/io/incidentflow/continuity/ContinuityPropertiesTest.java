package io.incidentflow.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** A setting that would make Tier 3 wait forever or give up at once stops the start, naming the setting. */
class ContinuityPropertiesTest {

    @Test
    void validSettingsAreKept() {
        ContinuityProperties properties = new ContinuityProperties("crisis", "R/P1D", Period.ofMonths(12),
                Duration.ofMinutes(30), 3);

        assertThat(properties.approvalTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.maxFailedFailovers()).isEqualTo(3);
    }

    @Test
    void approvalTimeMustBePositive() {
        assertThatThrownBy(() -> new ContinuityProperties("crisis", "R/P1D", Period.ofMonths(12), Duration.ZERO, 3))
                .hasMessageContaining("incidentflow.continuity.approval-time");
        assertThatThrownBy(() -> new ContinuityProperties("crisis", "R/P1D", Period.ofMonths(12), null, 3))
                .hasMessageContaining("incidentflow.continuity.approval-time");
    }

    @Test
    void atLeastOneFailoverIsAllowed() {
        assertThatThrownBy(() -> new ContinuityProperties("crisis", "R/P1D", Period.ofMonths(12),
                Duration.ofMinutes(30), 0)).hasMessageContaining("incidentflow.continuity.max-failed-failovers");
    }

    @Test
    void aCrisisGroupIsNamed() {
        assertThatThrownBy(() -> new ContinuityProperties(" ", "R/P1D", Period.ofMonths(12),
                Duration.ofMinutes(30), 3)).hasMessageContaining("incidentflow.continuity.crisis-team");
    }
}
