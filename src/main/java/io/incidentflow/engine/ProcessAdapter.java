package io.incidentflow.engine;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one place the application talks to the process engine: it starts processes by business key
 * (the incident id, e.g. {@code INC-000123}), correlates messages to them by that key, evaluates decisions,
 * and suspends and moves the SLA timers.
 *
 * <p>Called from process steps these act for the application, not for the person whose Tasklist click
 * led to them: the engine checks no authorizations for delegation code (its default,
 * {@code authorizationEnabledForCustomCode=false}), which a test keeps true.
 */
@Component
public class ProcessAdapter {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final DecisionService decisionService;
    private final CommandExecutor commands;

    public ProcessAdapter(ProcessEngine engine) {
        this.runtimeService = engine.getRuntimeService();
        this.managementService = engine.getManagementService();
        this.decisionService = engine.getDecisionService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    public ProcessInstance start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtimeService.startProcessInstanceByKey(processKey, businessKey, variables);
    }

    /** Starts the process whose start event waits for this message, e.g. a critical monitoring event. */
    public ProcessInstance startByMessage(String messageName, String businessKey, Map<String, Object> variables) {
        return runtimeService.createMessageCorrelation(messageName)
                .processInstanceBusinessKey(businessKey)
                .setVariables(variables)
                .correlateStartMessage();
    }

    /**
     * Delivers a message to what waits for it in the instances with this business key.
     *
     * @return false when nothing waits for it (the message is then dropped, nothing changes)
     */
    public boolean correlate(String businessKey, String messageName, Map<String, Object> variables) {
        return !runtimeService.createMessageCorrelation(messageName)
                .processInstanceBusinessKey(businessKey)
                .setVariables(variables)
                .correlateAllWithResult().isEmpty();
    }

    /**
     * Delivers a message to the one place that waits for it in this process instance.
     *
     * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when nothing there waits for it
     */
    public void correlateToInstance(String processInstanceId, String messageName, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(messageName)
                .processInstanceId(processInstanceId)
                .setVariables(variables)
                .correlate();
    }

    /**
     * Like {@link #correlate}, but the variables go to the scope the message opens, so that each run of an
     * event sub-process (e.g. one experiment among several in parallel) keeps its own.
     */
    public boolean correlateIntoNewScope(String businessKey, String messageName, Map<String, Object> variables) {
        return !runtimeService.createMessageCorrelation(messageName)
                .processInstanceBusinessKey(businessKey)
                .setVariablesToTriggeredScope(variables)
                .correlateAllWithResult().isEmpty();
    }

    /** Whether an instance of the process with this business key has not ended yet. */
    public boolean isRunning(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count() > 0;
    }

    /** The one result row of the latest version of a decision table (hit policy UNIQUE or FIRST). */
    public Map<String, Object> decide(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionRuleResult row = decisionService.evaluateDecisionTableByKey(decisionKey, inputs).getSingleResult();
        if (row == null) {
            // a process owner's edit left a gap in the table: say which, rather than fail somewhere later
            throw new IllegalStateException("Decision " + decisionKey + " has no rule for " + inputs);
        }
        return row.getEntryMap();
    }

    /** Stops the timers waiting at these activities of the instance: they cannot fire until resumed. */
    public void suspendTimers(String processInstanceId, List<String> activityIds) {
        timers(processInstanceId, activityIds).forEach(job -> managementService.suspendJobById(job.getId()));
    }

    /** Lets suspended timers run again, due later by {@code by}. */
    public void resumeTimers(String processInstanceId, List<String> activityIds, Duration by) {
        List<String> jobIds = timers(processInstanceId, activityIds).stream().map(Job::getId).toList();
        commands.execute(new ResumeTimers(jobIds, by));
    }

    /**
     * One change per timer, made inside an engine command so that it is written whether or not the caller runs in
     * one (a delegate does, a service does not). The engine's own "set due date" and "activate" commands would
     * update the same row twice in a delegate's command and collide on its revision.
     */
    private record ResumeTimers(List<String> jobIds, Duration by) implements Command<Void> {

        @Override
        public Void execute(CommandContext context) {
            for (String jobId : jobIds) {
                JobEntity timer = context.getJobManager().findJobById(jobId);
                timer.setDuedate(Date.from(timer.getDuedate().toInstant().plus(by)));
                timer.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
            }
            return null;
        }
    }

    private List<Job> timers(String processInstanceId, List<String> activityIds) {
        return activityIds.stream()
                .flatMap(activity -> managementService.createJobQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(activity)
                        .timers()
                        .list().stream())
                .toList();
    }
}
