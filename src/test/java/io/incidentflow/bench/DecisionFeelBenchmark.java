package io.incidentflow.bench;

import io.incidentflow.engine.ParsedFeelCache;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The incident start's decisions (incident-priority, major-incident-criteria) evaluated by Camunda's stock FEEL
 * engine and by {@link ParsedFeelCache}, in alternating rounds in one JVM and thread, timed by the thread's CPU
 * time: the ratio holds on a busy machine where whole-app figures do not. Arguments: {@code <processes directory>
 * <incident starts' worth of evaluations per round> <rounds>}; prints
 * {@code BENCH {"stockPerCpuSecond":…,"cachedPerCpuSecond":…,"ratio":…}}.
 */
public final class DecisionFeelBenchmark {

    /** The inputs an incident start gives the two decisions (a P2 on a mission-critical service from monitoring). */
    private static final Map<String, Object> INPUTS = Map.of("impact", "medium", "urgency", "high", "vipCaller", false,
            "serviceCriticality", "mission-critical", "priority", "P1", "criticalEvent", false);

    private DecisionFeelBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path processes = Path.of(args[0]);
        int perRound = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        DefaultDmnEngineConfiguration cachedConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        cachedConfiguration.setFeelEngineFactory(ParsedFeelCache.factoryFor(cachedConfiguration));
        DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine cached = cachedConfiguration.buildEngine();
        List<DmnDecision> stockDecisions = decisions(stock, processes);
        List<DmnDecision> cachedDecisions = decisions(cached, processes);

        long stockNanos = 0;
        long cachedNanos = 0;
        for (int round = 0; round <= rounds; round++) {
            long s = cpuNanos(stock, stockDecisions, perRound);
            long c = cpuNanos(cached, cachedDecisions, perRound);
            if (round > 0) { // round 0 warms up both
                stockNanos += s;
                cachedNanos += c;
            }
        }
        double stockRate = (double) rounds * perRound * 1e9 / stockNanos;
        double cachedRate = (double) rounds * perRound * 1e9 / cachedNanos;
        System.out.printf("BENCH {\"stockPerCpuSecond\":%.0f,\"cachedPerCpuSecond\":%.0f,\"ratio\":%.1f}%n",
                stockRate, cachedRate, cachedRate / stockRate);
    }

    private static List<DmnDecision> decisions(DmnEngine engine, Path processes) throws IOException {
        return List.of(decision(engine, processes.resolve("incident-priority.dmn"), "incident-priority"),
                decision(engine, processes.resolve("major-incident-criteria.dmn"), "major-incident-criteria"));
    }

    private static DmnDecision decision(DmnEngine engine, Path file, String key) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return engine.parseDecision(key, in);
        }
    }

    /** CPU time of this thread to evaluate both decisions (one incident start's worth) the given number of times. */
    private static long cpuNanos(DmnEngine engine, List<DmnDecision> decisions, int times) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < times; i++) {
            for (DmnDecision decision : decisions) {
                engine.evaluateDecision(decision, INPUTS);
            }
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
