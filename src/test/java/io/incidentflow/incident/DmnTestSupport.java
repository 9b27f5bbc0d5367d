package io.incidentflow.incident;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.incidentflow.engine.ParsedFeelCache;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/** Parses and evaluates the DMN files under {@code processes/} with a plain DMN engine (no Spring, no process engine). */
public final class DmnTestSupport {

    /** With the app's FEEL engine (parses each expression once), so these tests also check that it decides alike. */
    private static final DmnEngine ENGINE = engine();

    private DmnTestSupport() {
    }

    private static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(ParsedFeelCache.factoryFor(configuration));
        return configuration.buildEngine();
    }

    static Path processFile(String fileName) {
        return Path.of("processes", fileName);
    }

    public static DmnDecision parseDecision(String fileName, String decisionKey) {
        try (InputStream in = Files.newInputStream(processFile(fileName))) {
            return ENGINE.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + processFile(fileName).toAbsolutePath(), e);
        }
    }

    /** Evaluates the decision (and the decisions it requires) and returns its one and only result row. */
    public static DmnDecisionResultEntries evaluate(DmnDecision decision, Map<String, Object> variables) {
        return ENGINE.evaluateDecision(decision, variables).getSingleResult();
    }

    /** Decision id → camunda:historyTimeToLive, for every decision in the file (the process engine refuses decisions without it). */
    public static Map<String, String> historyTimeToLiveByDecision(String fileName) {
        File file = processFile(fileName).toFile();
        Map<String, String> ttlById = new TreeMap<>();
        for (Decision decision : Dmn.readModelFromFile(file).getModelElementsByType(Decision.class)) {
            ttlById.put(decision.getId(), decision.getCamundaHistoryTimeToLiveString());
        }
        return ttlById;
    }
}
