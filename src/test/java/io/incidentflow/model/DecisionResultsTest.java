package io.incidentflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.continuity.RecoveryAssessment;
import io.incidentflow.incident.process.PriorityDecision;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The records that read decision results know the outputs the tables have, so an edit of a table that renames one fails here. */
class DecisionResultsTest {

    static List<Arguments> decisions() {
        return List.of(Arguments.of("incident-priority.dmn", PriorityDecision.OUTPUTS),
                Arguments.of("recovery-strategy.dmn", RecoveryAssessment.OUTPUTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void everyOutputTheRecordReadsIsAnOutputOfTheTable(String table, List<String> read) {
        List<String> outputs = Dmn.readModelFromFile(Path.of("processes", table).toFile())
                .getModelElementsByType(Output.class).stream().map(Output::getName).toList();

        assertThat(outputs).containsAll(read);
    }
}
