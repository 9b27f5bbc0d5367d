package io.incidentflow.engine;

import static io.incidentflow.incident.process.IncidentModel.EVENT_RESPONSE_BREACHED;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job executor finds due jobs through an index, and no job is left without a due date. */
@IncidentFlowTest
class JobAcquisitionIndexPluginTest {

    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired IncidentDriver driver;
    @Autowired JobAcquisitionIndexPlugin plugin;

    @Test
    void theEngineGivesEveryJobADueDate() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull())
                .isTrue();
    }

    @Test
    void theAcquisitionQueryReadsTheDueJobsThroughTheIndex() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(JobAcquisitionIndexPlugin.indexExists(connection)).isTrue();
        }
        // The acquisition's filter once ensureJobDueDateNotNull dropped its "DUEDATE_ is null or" branch.
        List<String> plan = jdbc.queryForList("explain select RES.ID_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0)"
                + " and (RES.DUEDATE_ <= ?) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?)"
                + " and RES.SUSPENSION_STATE_ = 1 order by RES.DUEDATE_", String.class,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        assertThat(plan).singleElement().asString().contains(JobAcquisitionIndexPlugin.INDEX);
    }

    @Test
    void aJobAnEarlierVersionLeftWithoutDueDateGetsItsCreationTime() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        Job breach = driver.job(incident.getId(), EVENT_RESPONSE_BREACHED);
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", breach.getId());

        plugin.postProcessEngineBuild(engine);

        Timestamp created = jdbc.queryForObject("select CREATE_TIME_ from ACT_RU_JOB where ID_ = ?", Timestamp.class,
                breach.getId());
        assertThat(engine.getManagementService().createJobQuery().jobId(breach.getId()).singleResult().getDuedate())
                .isEqualTo(created);
    }
}
