package io.incidentflow.incident;

import static io.incidentflow.incident.DmnTestSupport.evaluate;
import static io.incidentflow.incident.DmnTestSupport.historyTimeToLiveByDecision;
import static io.incidentflow.incident.DmnTestSupport.parseDecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MajorIncidentCriteriaDecisionTest {

    private static final String FILE = "major-incident-criteria.dmn";
    private static final String WIDESPREAD = "Priority 1 with widespread impact";
    private static final String MISSION_CRITICAL = "Priority 1 on a mission-critical service";
    private static final String NORMAL = "Handled as a normal incident";
    private static final String CRITICAL_EVENT = "Critical monitoring event on a mission-critical service";

    private static DmnDecision criteria;

    @BeforeAll
    static void parseDecisions() {
        criteria = parseDecision(FILE, "major-incident-criteria");
    }

    @ParameterizedTest(name = "{0}: {1}, impact {2}, {3}, critical event {4} -> major {5}")
    @CsvSource({
            // row 1: a critical monitoring event on a mission-critical service, whatever the priority
            "critical event on mission-critical,         P2, medium, mission-critical, true,  true,  " + CRITICAL_EVENT,
            "critical event P1 widespread (row 1 first), P1, high,   mission-critical, true,  true,  " + CRITICAL_EVENT,
            "critical event on supporting service,       P2, medium, supporting,       true,  false, " + NORMAL,
            "no critical event on mission-critical,      P2, medium, mission-critical, false, false, " + NORMAL,
            // row 2: P1 with high impact, whatever the service
            "P1 widespread on internal service,          P1, high,   internal, ,         true,  " + WIDESPREAD,
            "P1 widespread on supporting service,        P1, high,   supporting, ,       true,  " + WIDESPREAD,
            "P1 widespread on mission-critical (row 2 first), P1, high, mission-critical, , true, " + WIDESPREAD,
            // row 3: P1 on a mission-critical service, whatever the impact
            "P1 medium impact on mission-critical,       P1, medium, mission-critical, , true,  " + MISSION_CRITICAL,
            "P1 low impact on mission-critical,          P1, low,    mission-critical, , true,  " + MISSION_CRITICAL,
            // row 4: fallback
            "P1 medium impact on supporting service,     P1, medium, supporting, ,       false, " + NORMAL,
            "P1 low impact on internal service,          P1, low,    internal, ,         false, " + NORMAL,
            "P2 high impact on mission-critical,         P2, high,   mission-critical, , false, " + NORMAL,
            "P3 medium impact on supporting service,     P3, medium, supporting, ,       false, " + NORMAL,
            "P4 low impact on internal service,          P4, low,    internal, ,         false, " + NORMAL,
    })
    void majorIncidentCriteria(String caseName, String priority, String impact, String serviceCriticality,
            Boolean criticalEvent, boolean expectedMajor, String expectedReason) {
        Map<String, Object> inputs = new HashMap<>(Map.of(
                "priority", priority,
                "impact", impact,
                "serviceCriticality", serviceCriticality));
        // empty: reported by a person, the variable is not there at all
        if (criticalEvent != null) {
            inputs.put("criticalEvent", criticalEvent);
        }
        DmnDecisionResultEntries result = evaluate(criteria, inputs);

        assertThat(result.<Boolean>getEntry("major")).isEqualTo(expectedMajor);
        assertThat(result.<String>getEntry("majorReason")).isEqualTo(expectedReason);
    }

    @Test
    void decisionDeclaresHistoryTimeToLive() {
        assertThat(historyTimeToLiveByDecision(FILE)).isEqualTo(Map.of("major-incident-criteria", "180"));
    }
}
