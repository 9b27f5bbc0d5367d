package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** What keeps the database small and the timers on time: H2 settings, job executor, history cleanup. */
@IncidentFlowTest
class EngineHousekeepingSettingsTest {

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired DecisionService decisions;
    @Autowired Environment environment;
    @Autowired CamundaBpmProperties camunda;

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.systemTimeUntilSet();

    @Test
    void theDefaultH2FileDatabaseWritesCompressedCommitsInTheBackgroundAndIsCompactedOnSchedule() throws Exception {
        assertThat(DefaultDatabaseUrl.asWritten())
                .startsWith("${DATABASE_URL:jdbc:h2:file:")
                .contains(";WRITE_DELAY=500")
                .contains(";RETENTION_TIME=1000")
                .contains(";DEFRAG_ALWAYS=TRUE")
                .contains(";COMPRESS=TRUE")
                .contains(";AUTO_COMPACT_FILL_RATE=80")
                .contains(";DB_CLOSE_ON_EXIT=FALSE")
                .doesNotContain("AUTO_SERVER");
        assertThat(environment.getProperty("incidentflow.h2.housekeeping-interval", Duration.class))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theJobExecutorLooksForDueTimersAtLeastEveryTwoSecondsAndTakesThemInDueOrder() {
        // The tests run without a job executor, so the settings are checked as bound for it
        JobExecutionProperty executor = camunda.getJobExecution();

        assertThat(executor.getWaitTimeInMillis()).isEqualTo(1000);
        assertThat(executor.getMaxWait()).isEqualTo(2000);
        assertThat(executor.getMaxJobsPerAcquisition()).isEqualTo(10);
        assertThat(executor.getCorePoolSize()).isEqualTo(4);
        assertThat(executor.getMaxPoolSize()).isEqualTo(8);
        assertThat(executor.getQueueCapacity()).isEqualTo(20);
        assertThat(executor.getLockTimeInMillis()).isEqualTo(300_000);
        assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(engine.isJobExecutorPreferTimerJobs()).isTrue();
    }

    @Test
    void historyCleanupRunsInANightlyWindowByRemovalTime() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }

    @Test
    void historyCleanupRemovesADecisionOlderThanItsHistoryTimeToLiveAndKeepsAYoungerOne() {
        // incident-base-priority keeps its history 180 days
        Instant evaluated = Instant.now();
        clock.set(evaluated);
        String old = evaluate();
        clock.set(evaluated.plus(Duration.ofDays(100)));
        String younger = evaluate();

        clock.set(evaluated.plus(Duration.ofDays(181)));
        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());

        assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(old).count()).isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(younger).count()).isOne();
    }

    private String evaluate() {
        decisions.evaluateDecisionTableByKey("incident-base-priority", Map.of("impact", "low", "urgency", "low"));
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("incident-base-priority")
                .orderByEvaluationTime().desc().listPage(0, 1).get(0).getId();
    }
}
