package io.incidentflow.bench;

import io.incidentflow.database.H2FileHousekeeping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.h2.mvstore.MVStore;

/**
 * B2's baseline (issue 12): the bare Camunda engine starting {@code processes/incident.bpmn} with its DMNs —
 * no Spring, web, JPA or security — so the harness can state the app's incident start as a share of what the
 * engine alone does on the same machine, database kind and JVM settings.
 * <p>
 * It lives in the test sources so it never ships in the app jar and needs no build profile: {@code bench/run.sh}
 * runs it on the test classpath. Every delegate of the model is one no-op bean; the variables those delegates
 * would set (catalog data, priority, SLA due dates) are given at start instead, so the engine walks the same
 * path to the same wait state (the diagnosis task with its four SLA timers).
 * <p>
 * Arguments: {@code <jdbc url> <threads> <warm-up seconds> <measured seconds> [processes dir] [user] [password]}:
 * an H2 file URL with the app's options, or a PostgreSQL one. Ids as the app makes them on that database: from
 * the database sequence in blocks of 10,000 on H2, UUIDs on PostgreSQL. Prints one line
 * {@code BENCH {"startsPerSecond":…,"p50Ms":…,"p99Ms":…,"starts":…}} for the harness.
 */
public final class BareEngineBenchmark {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

    /** Stands in for every JavaDelegate, ExecutionListener and TaskListener bean the model names. */
    private static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        long warmUpMillis = Long.parseLong(args[2]) * 1000;
        long measuredMillis = Long.parseLong(args[3]) * 1000;
        Path processes = Path.of(args.length > 4 ? args[4] : "processes");

        ProcessEngine engine = engine(url, args.length > 5 ? args[5] : "sa", args.length > 6 ? args[6] : "",
                beans(processes.resolve("incident.bpmn")));
        try {
            deploy(engine, processes);
            run(engine.getRuntimeService(), writeCommits(engine), threads, warmUpMillis, measuredMillis);
        } finally {
            engine.close();
        }
    }

    private static Map<Object, Object> beans(Path model) throws IOException {
        Map<Object, Object> beans = new HashMap<>();
        Matcher matcher = DELEGATE.matcher(Files.readString(model));
        NoOp noOp = new NoOp();
        while (matcher.find()) {
            beans.put(matcher.group(1), noOp);
        }
        return beans;
    }

    /** The settings the app gives its engine that matter for a start: full history, TTL enforced, job executor on. */
    private static ProcessEngine engine(String url, String user, String password, Map<Object, Object> beans) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        config.setJdbcUrl(url);
        config.setJdbcUsername(user);
        config.setJdbcPassword(password);
        config.setJdbcDriver(postgres ? "org.postgresql.Driver" : "org.h2.Driver");
        config.setJdbcMaxActiveConnections(30);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setEnforceHistoryTimeToLive(true);
        config.setJobExecutorActivate(true);
        if (postgres) {
            config.setIdGenerator(new StrongUuidGenerator());
        } else {
            config.setIdBlockSize(10_000);
        }
        config.setBeans(beans);
        return config.buildProcessEngine();
    }

    private static void deploy(ProcessEngine engine, Path processes) throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench");
        for (String file : List.of("incident.bpmn", "incident-priority.dmn", "major-incident-criteria.dmn")) {
            deployment.addString(file, Files.readString(processes.resolve(file)));
        }
        deployment.deploy();
    }

    /**
     * A start counts once it would survive a crash, as the app's answered start does: with the app's H2 options
     * (a write delay) that takes writing the commits to the file after the start; on PostgreSQL a commit is durable.
     */
    private static Runnable writeCommits(ProcessEngine engine) throws SQLException {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            MVStore file = H2FileHousekeeping.fileStore(connection);
            return file == null ? () -> { } : file::commit;
        }
    }

    private static void run(RuntimeService runtime, Runnable writeCommits, int threads, long warmUpMillis,
            long measuredMillis) throws InterruptedException {
        long start = System.currentTimeMillis();
        long measureFrom = start + warmUpMillis;
        long end = measureFrom + measuredMillis;
        AtomicLong sequence = new AtomicLong();
        List<List<Long>> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        long before = System.nanoTime();
                        if (System.currentTimeMillis() >= end) {
                            break;
                        }
                        String id = "INC-B" + sequence.incrementAndGet();
                        runtime.startProcessInstanceByKey("incident", id, variables(id));
                        writeCommits.run();
                        if (System.currentTimeMillis() >= measureFrom) {
                            mine.add(System.nanoTime() - before);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + t);
            worker.start();
        }
        done.await();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        all.sort(null);
        double perSecond = all.size() / (measuredMillis / 1000.0);
        System.out.printf("BENCH {\"startsPerSecond\":%.1f,\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"starts\":%d}%n",
                perSecond, percentile(all, 0.50), percentile(all, 0.99), all.size());
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(rank, 0)) / 1_000_000.0;
    }

    /** What the app's start variables and its first delegates (register, categorize, SLA clocks) leave behind. */
    private static Map<String, Object> variables(String id) {
        Instant now = Instant.now();
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentId", id);
        variables.put("source", "API");
        variables.put("title", "Checkout fails with error 502");
        variables.put("description", "Benchmark incident");
        variables.put("caller", "bench");
        variables.put("vipCaller", false);
        variables.put("serviceId", "email");
        variables.put("category", "software");
        variables.put("impact", "low");
        variables.put("urgency", "medium");
        variables.put("closureWait", "P3D");
        variables.put("serviceName", "Email and calendar");
        variables.put("serviceCriticality", "supporting");
        variables.put("continuityTier", "warm");
        variables.put("resolverGroup", "workplace-team");
        variables.put("vendorContact", "Mail hosting provider support line");
        variables.put("criticalEvent", false);
        variables.put("priority", "P4");
        variables.put("responseWarningAt", Date.from(now.plus(3, ChronoUnit.HOURS)));
        variables.put("responseDueAt", Date.from(now.plus(4, ChronoUnit.HOURS)));
        variables.put("resolutionWarningAt", Date.from(now.plus(54, ChronoUnit.HOURS)));
        variables.put("resolutionDueAt", Date.from(now.plus(72, ChronoUnit.HOURS)));
        variables.put("resolutionEscalationAt", Date.from(now.plus(72, ChronoUnit.HOURS)));
        variables.put("responded", false);
        return variables;
    }

    private BareEngineBenchmark() {
    }
}
