package io.incidentflow.processstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The control variables come from the declarations and the shipped forms (no Spring, no engine). */
class ControlVariablesTest {

    private final ControlVariables control = new ControlVariables();

    @Test
    void variablesNoFormAsksForAreControlVariables() {
        assertThat(control.names()).contains("resolverGroup", "priority", "responseDueAt", "resolutionDueAt",
                "timeBoxEndsAt", "invocationId", "pageGroup", "ackTimeout", "serviceIds", "majorOutcome",
                "incidentTitle", "incidentPriority");
    }

    @Test
    void variablesDeclaredAsControlStayControlAlthoughAFormAsksForThem() {
        // major-assign-roles asks for the roles, major-propose-hypothesis for the incident
        assertThat(control.names()).contains("incidentCommander", "communicationsLead", "incidentId");
    }

    @Test
    void answersPeopleGiveInFormsAreNotControlVariables() {
        assertThat(control.names()).doesNotContain("diagnosisNotes", "diagnosisOutcome", "resolutionNotes",
                "reviewCause", "title", "approvalDecision", "experimentFindings");
    }
}
