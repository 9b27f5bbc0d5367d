package io.incidentflow.engine;

import static io.incidentflow.incident.process.IncidentModel.EVENT_RESPONSE_WARNING;
import static io.incidentflow.incident.process.IncidentModel.TASK_INITIAL_DIAGNOSIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The variable-update log keeps what people gave a process, not what the models set while they ran; the job log
 * keeps the runs of jobs, not their creation and deletion.
 */
@IncidentFlowTest
class HistoryTrimPluginTest {

    @Autowired IncidentDriver driver;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;

    @Test
    void valuesTheStartAndItsStepsSetAreKeptAsTheyEndedButNotLoggedValueByValue() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        String instanceId = driver.instance(incident.getId()).getId();

        assertThat(details(instanceId)).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("title")
                .singleResult().getValue()).isEqualTo("Test incident on erp");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("priority")
                .singleResult().getValue()).isEqualTo("P3");
    }

    @Test
    void valuesAPersonGivesWhenCompletingATaskAreLoggedWithTheTask() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        String instanceId = driver.instance(incident.getId()).getId();

        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "awaitCaller"));

        assertThat(details(instanceId)).extracting(HistoricVariableUpdate::getVariableName, HistoricVariableUpdate::getValue)
                .contains(tuple("diagnosisOutcome", "awaitCaller"));
    }

    @Test
    void aVariableSetOverTheEngineApiIsLogged() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        String instanceId = driver.instance(incident.getId()).getId();

        runtime.setVariable(instanceId, "vendorContact", "support@vendor.example");

        assertThat(details(instanceId)).extracting(HistoricVariableUpdate::getVariableName)
                .containsExactly("vendorContact");
    }

    @Test
    void theJobLogKeepsATimerThatRanButNotTheTimersSetAndCancelled() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        String instanceId = driver.instance(incident.getId()).getId();

        driver.fire(incident.getId(), EVENT_RESPONSE_WARNING);
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "awaitCaller"));

        assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).list())
                .extracting(HistoricJobLog::getActivityId, HistoricJobLog::isSuccessLog)
                .containsExactly(tuple(EVENT_RESPONSE_WARNING, true));
    }

    private List<HistoricVariableUpdate> details(String instanceId) {
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instanceId)
                .variableUpdates().list();
        return details.stream().map(HistoricVariableUpdate.class::cast).toList();
    }
}
