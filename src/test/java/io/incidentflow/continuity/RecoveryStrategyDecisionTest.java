package io.incidentflow.continuity;

import static io.incidentflow.Variables.value;
import static io.incidentflow.incident.DmnTestSupport.evaluate;
import static io.incidentflow.incident.DmnTestSupport.historyTimeToLiveByDecision;
import static io.incidentflow.incident.DmnTestSupport.parseDecision;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.Variables;
import io.incidentflow.incident.process.IncidentVariables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of processes/recovery-strategy.dmn: each criticality on each continuity tier. */
class RecoveryStrategyDecisionTest {

    private static final String FILE = "recovery-strategy.dmn";

    private static DmnDecision strategy;

    @BeforeAll
    static void parse() {
        strategy = parseDecision(FILE, "recovery-strategy");
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}, target RTO {3} min")
    @CsvSource({
            "mission-critical, hot,     immediate,      15",
            "supporting,       hot,     immediate,      30",
            "internal,         hot,     immediate,      60",
            "mission-critical, warm,    intermediate,   60",
            "supporting,       warm,    intermediate,   240",
            "internal,         warm,    intermediate,   480",
            "mission-critical, cold,    gradual,        480",
            "supporting,       cold,    gradual,        1440",
            "internal,         cold,    gradual,        2880",
            "mission-critical, rebuild, manual-rebuild, 1440",
            "supporting,       rebuild, manual-rebuild, 4320",
            "internal,         rebuild, manual-rebuild, 10080",
    })
    void recoveryOptionAndTargetRto(String criticality, String tier, String option, int targetRtoMinutes) {
        DmnDecisionResultEntries result = evaluate(strategy,
                Variables.of(value(IncidentVariables.SERVICE_CRITICALITY, criticality), value(IncidentVariables.CONTINUITY_TIER, tier)));

        assertThat(result.<String>getEntry("recoveryOption")).isEqualTo(option);
        assertThat(result.<Number>getEntry("targetRtoMinutes").intValue()).isEqualTo(targetRtoMinutes);
        assertThat(result.<String>getEntry("invocationCost")).isNotBlank();
        assertThat(result.<String>getEntry("invocationRisk")).isNotBlank();
        assertThat(RecoveryOption.valueOf(option.toUpperCase().replace('-', '_')).code()).isEqualTo(option);
    }

    @Test
    void decisionDeclaresHistoryTimeToLive() {
        assertThat(historyTimeToLiveByDecision(FILE)).isEqualTo(Map.of("recovery-strategy", "180"));
    }
}
