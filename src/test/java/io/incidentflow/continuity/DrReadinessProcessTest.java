package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.catalog.ContinuityTier;
import io.incidentflow.catalog.Criticality;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.catalog.ServiceDefinition;
import io.incidentflow.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * dr-readiness.bpmn and dr-test-scheduling.bpmn. On 2026-06-01 the demo catalog has erp (last tested
 * 2025-01-15) and intranet (2024-11-02) due; payments, email and core-network are not. The tests share one
 * catalog and run in any order, so each asserts only on services whose state no other test changes.
 */
@IncidentFlowTest
class DrReadinessProcessTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.startingAt(NOW);

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ServiceCatalog catalog;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }


    @Test
    void dailyCheckRunTwiceGivesEachServiceDueOneTaskOnly() {
        catalog.addIfMissing(new ServiceDefinition("never-tested", "Never tested", Criticality.INTERNAL,
                ContinuityTier.COLD, 1440, 240, "web-team", null, null, "Head of IT", null, null));
        catalog.addIfMissing(new ServiceDefinition("tested-a-year-ago", "Tested exactly twelve months ago",
                Criticality.INTERNAL, ContinuityTier.COLD, 1440, 240, "web-team", null, null, "Head of IT",
                LocalDate.of(2025, 6, 1), null));

        runDailyCheck();
        runDailyCheck();

        Task erp = scheduleTask("erp");
        assertThat(erp).hasCandidateGroup("erp-team");
        assertThat(tasks.getVariables(erp.getId())).containsEntry("serviceName", "ERP (finance and supply chain)")
                .containsEntry("lastDrTest", "2025-01-15").containsEntry("businessOwner", "Chief financial officer");
        assertThat(tasks.getVariable(scheduleTask("never-tested").getId(), "lastDrTest")).isEqualTo("never");
        for (String notDue : List.of("payments", "email", "core-network", "tested-a-year-ago")) {
            assertThat(openTasks(notDue)).as(notDue).isEmpty();
        }
    }

    @Test
    void schedulingTheTestRecordsThePlannedDateUntilItHasPassed() {
        runDailyCheck();
        Task intranet = scheduleTask("intranet");
        assertThat(intranet).hasCandidateGroup("web-team");

        assertThatThrownBy(() -> tasks.complete(intranet.getId(), Map.of("drTestPlannedFor", "2026-05-01")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("past");
        tasks.complete(intranet.getId(), Map.of("drTestPlannedFor", "2026-07-15"));

        assertThat(catalog.get("intranet").getDrTestPlanned()).isEqualTo(LocalDate.of(2026, 7, 15));
        runDailyCheck();
        assertThat(openTasks("intranet")).isEmpty();

        // the planned day passed without a new DR test being recorded: due again
        clock.set(Instant.parse("2026-07-16T08:00:00Z"));
        runDailyCheck();
        assertThat(openTasks("intranet")).hasSize(1);
    }

    /** Fires the timer start event as the job executor would at 06:00. */
    private void runDailyCheck() {
        Job timer = management.createJobQuery().processDefinitionKey(READINESS_PROCESS_KEY)
                .activityId(EVENT_DAILY_READINESS_CHECK).timers().singleResult();
        assertThat(timer).as("daily readiness timer").isNotNull();
        management.executeJob(timer.getId());
    }

    private List<Task> openTasks(String serviceId) {
        return tasks.createTaskQuery().processDefinitionKey(DR_TEST_PROCESS_KEY)
                .processInstanceBusinessKey(drTestKey(serviceId)).taskDefinitionKey(TASK_SCHEDULE_DR_TEST).list();
    }

    private Task scheduleTask(String serviceId) {
        List<Task> open = openTasks(serviceId);
        assertThat(open).as("Schedule DR test of %s", serviceId).hasSize(1);
        return open.get(0);
    }
}
