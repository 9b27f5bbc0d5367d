package io.incidentflow.notify.delivery;

import static io.incidentflow.notify.delivery.DeliveryVariables.MESSAGE_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands one message to its channel; a failure propagates, so the engine retries it. */
@Component
public class DeliverNotificationDelegate implements JavaDelegate {

    private final NotificationDelivery delivery;

    public DeliverNotificationDelegate(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(MESSAGE_KEY.get(execution));
    }
}
