package io.incidentflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.stereotype.Component;

/**
 * Full history, but the engine's variable-update log ({@code ACT_HI_DETAIL}) only for values people give: a
 * completed or resolved task, a submitted start or task form, a variable set or removed over the engine API.
 * <p>
 * Every other variable an incident's models set while they run (the start's copies of the incident, catalog and
 * settings values, SLA due dates, decision results) was logged a second time there, about 35 rows per incident:
 * a quarter of the database. Those values stay in the history as they ended ({@code ACT_HI_VARINST}, which the
 * Cockpit history page shows), decisions keep their inputs and outputs in the decision history, and what happened
 * to an incident is on its timeline. What people entered, value by value, stays in the detail log for auditors.
 */
@Component
public class VariableHistoryPlugin extends AbstractProcessEnginePlugin {

    /** Commands through which a person hands values to a process. */
    private static final List<Class<?>> PEOPLES_INPUT = List.of(CompleteTaskCmd.class, ResolveTaskCmd.class,
            SubmitTaskFormCmd.class, SubmitStartFormCmd.class, AbstractVariableCmd.class, AbstractPatchVariablesCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // In place of the engine's own database handler, beside any other handler a plugin adds.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>(configuration.getCustomHistoryEventHandlers() == null
                ? List.of() : configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new PeoplesInputDetails());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** Writes a variable's update log entry only while a person's command runs. */
    static final class PeoplesInputDetails extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && peoplesInput();
        }

        static boolean peoplesInput() {
            CommandInvocationContext invocation = Context.getCommandInvocationContext();
            Command<?> command = invocation == null ? null : invocation.getCommand();
            return command != null && PEOPLES_INPUT.stream().anyMatch(type -> type.isInstance(command));
        }
    }
}
