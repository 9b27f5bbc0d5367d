package io.incidentflow.incident.process;

import static io.incidentflow.Variables.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.Variables;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.Level;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The step of element template "Record timeline event", in a process deployed the way an owner's would be. */
@IncidentFlowTest
class RecordTimelineEventDelegateTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired IncidentDriver driver;
    @Autowired IncidentService incidents;

    @Test
    void writesTheEventAndItsDetailToTheIncidentsTimeline() {
        String incidentId = driver.log("erp", Level.LOW, Level.LOW).getId();
        String key = deploy("VENDOR_CONTACTED");

        runtime.startProcessInstanceByKey(key, Variables.of(value(IncidentVariables.INCIDENT_ID, incidentId), value(IncidentVariables.VENDOR_REFERENCE, "CASE-4711")));

        assertThat(incidents.timeline(incidentId)).last()
                .extracting(IncidentEvent::getType, IncidentEvent::getDetail)
                .containsExactly("VENDOR_CONTACTED", "Vendor case CASE-4711");
    }

    @Test
    void refusesAnEventTypeThatIsNotACodeAndWritesNothing() {
        String incidentId = driver.log("erp", Level.LOW, Level.LOW).getId();
        int before = incidents.timeline(incidentId).size();
        String key = deploy("vendor contacted");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, Variables.of(value(IncidentVariables.INCIDENT_ID, incidentId),
                value(IncidentVariables.VENDOR_REFERENCE, "CASE-4711"))))
                .hasMessageContaining("'timelineEvent'").hasMessageContaining("'vendor contacted'");
        assertThat(incidents.timeline(incidentId)).hasSize(before);
    }

    private String deploy(String eventType) {
        String key = "timeline-test-" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("Task_RecordVendorContact").camundaDelegateExpression("${recordTimelineEventDelegate}")
                        .camundaInputParameter("timelineEvent", eventType)
                        .camundaInputParameter("timelineDetail", "Vendor case ${vendorReference}")
                        .endEvent().done()).deploy();
        return key;
    }
}
