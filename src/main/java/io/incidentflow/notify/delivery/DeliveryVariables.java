package io.incidentflow.notify.delivery;

import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;
import java.util.HashMap;
import java.util.Map;

/** The variables of {@code processes/notification-delivery.bpmn}. */
public final class DeliveryVariables {

    public static final String PROCESS_KEY = "notification-delivery";
    public static final String TASK_DELIVER = "Task_DeliverNotification";

    public static final ProcessVariable<String> MESSAGE_KEY = stringVariable("messageKey");
    public static final ProcessVariable<String> RETRY_CYCLE = stringVariable("retryCycle");

    private DeliveryVariables() {
    }

    static Map<String, Object> start(String messageKey, String retryCycle) {
        Map<String, Object> variables = new HashMap<>();
        MESSAGE_KEY.putInto(variables, messageKey);
        RETRY_CYCLE.putInto(variables, retryCycle);
        return variables;
    }
}
