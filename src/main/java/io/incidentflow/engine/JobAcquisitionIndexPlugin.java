package io.incidentflow.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due jobs without reading every job.
 * <p>
 * Every open incident holds four SLA timers, so {@code ACT_RU_JOB} holds tens of thousands of jobs that are not
 * due. Camunda's acquisition query asks for {@code DUEDATE_ is null or DUEDATE_ <= now}, and Camunda creates no
 * index on {@code DUEDATE_}: each acquisition (every second or two, and back to back while timers fall due) read
 * the whole table. With {@code ensureJobDueDateNotNull} every job gets a due date (an async step: its creation
 * time), the query drops the {@code is null} branch, and this index turns it into a range scan over the due jobs.
 * <p>
 * Runs after the engine created or updated its schema and before the job executor starts. Jobs that an earlier
 * version left without due date are given one, else the acquisition would never see them again.
 */
@Component
public class JobAcquisitionIndexPlugin extends AbstractProcessEnginePlugin {

    static final String INDEX = "IF_IDX_JOB_DUEDATE";

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndexPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                int updated = statement.executeUpdate("update " + prefix + "ACT_RU_JOB set DUEDATE_ = CREATE_TIME_"
                        + " where DUEDATE_ is null");
                if (updated > 0) {
                    log.info("Gave {} jobs without due date their creation time as due date", updated);
                }
                if (!indexExists(connection)) {
                    createIndex(statement, prefix);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the job executor's due date index " + INDEX, e);
        }
    }

    private static void createIndex(Statement statement, String prefix) throws SQLException {
        try {
            statement.execute("create index " + INDEX + " on " + prefix + "ACT_RU_JOB (DUEDATE_)");
            log.info("Created index {} on ACT_RU_JOB (DUEDATE_) for the job executor's acquisition", INDEX);
        } catch (SQLException e) {
            // Another node starting at the same time created it first.
            if (!indexExists(statement.getConnection())) {
                throw e;
            }
        }
    }

    static boolean indexExists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
            try (ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), null, table, false, false)) {
                while (indexes.next()) {
                    if (INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
