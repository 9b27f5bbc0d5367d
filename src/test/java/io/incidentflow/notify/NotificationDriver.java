package io.incidentflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.notify.delivery.DeliveryVariables;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Runs delivery jobs as the job executor would, one message at a time. */
@Component
public class NotificationDriver {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final NotificationRepository notifications;

    NotificationDriver(RuntimeService runtime, ManagementService management, NotificationRepository notifications) {
        this.runtime = runtime;
        this.management = management;
        this.notifications = notifications;
    }

    /** The delivery job of the message, while its delivery process waits. */
    public Job job(Notification message) {
        ProcessInstance delivery = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DeliveryVariables.PROCESS_KEY)
                .processInstanceBusinessKey(message.getMessageKey()).singleResult();
        assertThat(delivery).as("delivery of %s", message.getMessageKey()).isNotNull();
        return management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    }

    /** Runs the message's delivery job once; the failure, if it failed. */
    public Optional<Exception> attempt(Notification message) {
        try {
            management.executeJob(job(message).getId());
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    /** Runs the delivery job of every message of the incident that still waits for one. */
    public void deliverAll(String incidentId) {
        notifications.findByIncidentIdOrderByIdAsc(incidentId).stream()
                .filter(n -> n.getStatus() != DeliveryStatus.DELIVERED)
                .forEach(n -> assertThat(attempt(n)).as("delivery of %s", n.getMessageKey()).isEmpty());
    }

    public Notification reload(Notification message) {
        return notifications.findById(message.getId()).orElseThrow();
    }

    public List<Notification> of(String incidentId) {
        return notifications.findByIncidentIdOrderByIdAsc(incidentId);
    }
}
