package io.incidentflow.engine;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one place the application talks to the process engine's runtime: it starts processes and
 * correlates messages by business key (the incident id, e.g. {@code INC-000123}).
 */
@Component
public class ProcessAdapter {

    private final RuntimeService runtimeService;

    public ProcessAdapter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public ProcessInstance start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtimeService.startProcessInstanceByKey(processKey, businessKey, variables);
    }

    public void correlate(String messageName, String businessKey, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(messageName)
                .processInstanceBusinessKey(businessKey)
                .setVariables(variables)
                .correlate();
    }

    public Optional<ProcessInstance> activeInstance(String processKey, String businessKey) {
        return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey)
                .active()
                .singleResult());
    }
}
