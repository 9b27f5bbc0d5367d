package io.incidentflow.incident.process;

import static io.incidentflow.Variables.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.Variables;
import io.incidentflow.incident.Level;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The step of element template "Notify an audience", in a process deployed the way an owner's would be. */
@IncidentFlowTest
class NotifyAudienceDelegateTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired IncidentDriver driver;
    @Autowired NotificationRepository notifications;

    @Test
    void sendsTheTemplateToTheAudiencesDistributionList() {
        String incidentId = driver.log("erp", Level.LOW, Level.LOW).getId();
        driver.resolveAtLevel1(incidentId, "fix");
        int before = notifications.findByIncidentIdOrderByIdAsc(incidentId).size();

        runtime.startProcessInstanceByKey(deploy("impacted-users", "resolved"), Variables.of(value(IncidentVariables.INCIDENT_ID, incidentId)));

        List<Notification> all = notifications.findByIncidentIdOrderByIdAsc(incidentId);
        assertThat(all.subList(before, all.size())).singleElement()
                .satisfies(message -> {
                    assertThat(message.getTemplate()).isEqualTo("resolved");
                    assertThat(message.getAudience()).isEqualTo(Audience.IMPACTED_USERS);
                    assertThat(message.getRecipient()).isEqualTo("all-staff");
                    assertThat(message.getSubject()).isEqualTo("Fixed: ERP (finance and supply chain): Test incident on erp");
                    assertThat(message.getBody()).contains("reference " + incidentId);
                });
    }

    @Test
    void refusesAnUnknownAudienceNamingTheInputAndSendsNothing() {
        String incidentId = driver.log("erp", Level.LOW, Level.LOW).getId();
        driver.resolveAtLevel1(incidentId, "fix");
        int before = notifications.findByIncidentIdOrderByIdAsc(incidentId).size();
        String key = deploy("customers", "resolved");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, Variables.of(value(IncidentVariables.INCIDENT_ID, incidentId))))
                .hasMessageContaining("Input parameter 'audience' is 'customers'")
                .hasMessageContaining("impacted-users");
        assertThat(notifications.findByIncidentIdOrderByIdAsc(incidentId)).hasSize(before);
    }

    @Test
    void refusesAnEventTheIncidentAloneCannotFill() {
        String incidentId = driver.log("erp", Level.LOW, Level.LOW).getId();
        String key = deploy("business", "stakeholder-update");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, Variables.of(value(IncidentVariables.INCIDENT_ID, incidentId))))
                .hasMessageContaining("cannot send stakeholder-update to business").hasMessageContaining("[resolved]");
    }

    @Test
    void refusesToTellTheResolutionOfAnIncidentNotResolved() {
        String incidentId = driver.log("erp", Level.LOW, Level.LOW).getId();
        String key = deploy("business", "resolved");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, Variables.of(value(IncidentVariables.INCIDENT_ID, incidentId))))
                .hasMessageContaining("Incident " + incidentId + " is not resolved");
        assertThat(notifications.findByIncidentIdOrderByIdAsc(incidentId)).extracting(Notification::getTemplate)
                .doesNotContain("resolved");
    }

    private String deploy(String audience, String event) {
        String key = "notify-test-" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("Task_NotifyAudience").camundaDelegateExpression("${notifyAudienceDelegate}")
                        .camundaInputParameter("audience", audience)
                        .camundaInputParameter("notificationEvent", event)
                        .endEvent().done()).deploy();
        return key;
    }
}
