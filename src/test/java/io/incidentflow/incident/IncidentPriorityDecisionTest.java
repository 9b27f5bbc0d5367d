package io.incidentflow.incident;

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

class IncidentPriorityDecisionTest {

    private static final String FILE = "incident-priority.dmn";

    private static DmnDecision basePriority;
    private static DmnDecision incidentPriority;

    @BeforeAll
    static void parseDecisions() {
        basePriority = parseDecision(FILE, "incident-base-priority");
        incidentPriority = parseDecision(FILE, "incident-priority");
    }

    @ParameterizedTest(name = "impact {0} x urgency {1} -> {2}")
    @CsvSource({
            "high,   high,   P1",
            "high,   medium, P2",
            "high,   low,    P3",
            "medium, high,   P2",
            "medium, medium, P3",
            "medium, low,    P4",
            "low,    high,   P3",
            "low,    medium, P4",
            "low,    low,    P4",
    })
    void basePriorityMatrix(String impact, String urgency, String expectedBasePriority) {
        DmnDecisionResultEntries result = evaluate(basePriority, Variables.of(value(IncidentVariables.IMPACT, impact), value(IncidentVariables.URGENCY, urgency)));

        assertThat(result.<String>getEntry("basePriority")).isEqualTo(expectedBasePriority);
    }

    @ParameterizedTest(name = "{0}: impact {1}, urgency {2}, VIP {3}, {4} -> {5} ({6} / {7} min)")
    @CsvSource({
            // base P1 (high x high): never raised beyond P1
            "P1 stays P1,                         high,   high,   false, internal,         P1, 15,  240",
            "P1 + VIP + mission-critical stays P1, high,  high,   true,  mission-critical, P1, 15,  240",
            // base P2 (high x medium / medium x high)
            "P2 + VIP -> P1,                      high,   medium, true,  supporting,       P1, 15,  240",
            "P2 + mission-critical -> P1,         medium, high,   false, mission-critical, P1, 15,  240",
            "P2 + VIP + mission-critical -> P1,   high,   medium, true,  mission-critical, P1, 15,  240",
            "P2 stays P2,                         high,   medium, false, supporting,       P2, 30,  480",
            // base P3 (high x low / medium x medium / low x high)
            "P3 + VIP -> P2,                      high,   low,    true,  internal,         P2, 30,  480",
            "P3 + mission-critical -> P2,         medium, medium, false, mission-critical, P2, 30,  480",
            "P3 + VIP + mission-critical -> P2,   low,    high,   true,  mission-critical, P2, 30,  480",
            "P3 stays P3,                         medium, medium, false, internal,         P3, 120, 1440",
            // base P4 (medium x low / low x medium / low x low)
            "P4 + VIP -> P3,                      medium, low,    true,  supporting,       P3, 120, 1440",
            "P4 + mission-critical -> P3,         low,    medium, false, mission-critical, P3, 120, 1440",
            "P4 + VIP + mission-critical -> P3,   low,    low,    true,  mission-critical, P3, 120, 1440",
            "P4 stays P4,                         low,    low,    false, supporting,       P4, 480, 4320",
    })
    void priorityIsRaisedAtMostOneLevelAndCarriesItsTargets(String caseName, String impact, String urgency,
            boolean vipCaller, String serviceCriticality,
            String expectedPriority, int expectedResponseMinutes, int expectedResolutionMinutes) {
        DmnDecisionResultEntries result = evaluate(incidentPriority, Map.of(
                "impact", impact,
                "urgency", urgency,
                "vipCaller", vipCaller,
                "serviceCriticality", serviceCriticality));

        assertThat(result.<String>getEntry("priority")).isEqualTo(expectedPriority);
        assertThat(result.<Integer>getEntry("responseMinutes")).isEqualTo(expectedResponseMinutes);
        assertThat(result.<Integer>getEntry("resolutionMinutes")).isEqualTo(expectedResolutionMinutes);
    }

    @Test
    void incidentPriorityRequiresTheBasePriorityDecision() {
        assertThat(incidentPriority.getRequiredDecisions())
                .extracting(DmnDecision::getKey)
                .containsExactly("incident-base-priority");
    }

    @Test
    void everyDecisionDeclaresHistoryTimeToLive() {
        assertThat(historyTimeToLiveByDecision(FILE)).isEqualTo(Map.of(
                "incident-base-priority", "180",
                "incident-priority", "180"));
    }
}
