package io.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.IncidentFlowTest;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IncidentFlowTest
class ParsedFeelCacheTest {

    @Autowired ProcessEngine engine;

    private final ParsedFeelCache feel = new ParsedFeelCache(List.of());

    @Test
    void theEnginesDecisionsUseTheParsedFeelCache() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedFeelCache.class);
    }

    @Test
    void anInputEntryParsedOnceStillDecidesByEachEvaluationsInput() {
        String inputEntry = "\"high\",\"medium\"";

        assertThat(feel.evaluateSimpleUnaryTests(inputEntry, "impact", variables("impact", "high"))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests(inputEntry, "impact", variables("impact", "low"))).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests(inputEntry, "urgency", variables("urgency", "medium"))).isTrue();
    }

    @Test
    void anExpressionParsedOnceStillComputesFromEachEvaluationsVariables() {
        assertThat(feel.<Object>evaluateSimpleExpression("minutes * 2", variables("minutes", 15)))
                .isEqualTo(30L);
        assertThat(feel.<Object>evaluateSimpleExpression("minutes * 2", variables("minutes", 240)))
                .isEqualTo(480L);
    }

    @Test
    void anExpressionThatDoesNotParseFailsOnEveryEvaluation() {
        for (int evaluation = 1; evaluation <= 2; evaluation++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> > 3", "x", variables("x", 4)))
                    .isInstanceOf(FeelException.class)
                    .hasMessageContaining("> > 3");
        }
    }

    private static VariableContext variables(String name, Object value) {
        return Variables.createVariables().putValue(name, value).asVariableContext();
    }
}
