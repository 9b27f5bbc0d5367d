package io.incidentflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.stereotype.Component;

/**
 * Full history without the two logs of it that nobody reads and that made up a third of the database:
 * <ul>
 * <li>The variable-update log ({@code ACT_HI_DETAIL}) keeps the values people give: a completed or resolved task,
 * a submitted start or task form, a variable set or removed over the engine API. Values the models set while they
 * run (the start's copies of the incident, catalog and settings values, SLA due dates, decision results) were
 * logged there a second time, about 35 rows per incident. They stay in the history as they ended
 * ({@code ACT_HI_VARINST}, shown by the Cockpit history page), decisions keep their inputs and outputs in the
 * decision history, and what happened to an incident is on its timeline.</li>
 * <li>The job log ({@code ACT_HI_JOB_LOG}) keeps every run of a job, failed or successful, not the creation and
 * deletion of each: every SLA timer was logged when it was set and again when its task ended before it was due,
 * about ten rows per incident. The activity history shows which timers fired.</li>
 * </ul>
 */
@Component
public class HistoryTrimPlugin extends AbstractProcessEnginePlugin {

    /** Commands through which a person hands values to a process. */
    private static final List<Class<?>> PEOPLES_INPUT = List.of(CompleteTaskCmd.class, ResolveTaskCmd.class,
            SubmitTaskFormCmd.class, SubmitStartFormCmd.class, AbstractVariableCmd.class, AbstractPatchVariablesCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // In place of the engine's own database handler, beside any other handler a plugin adds.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>(configuration.getCustomHistoryEventHandlers() == null
                ? List.of() : configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new TrimmedDbHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** The engine's database history handler, writing neither of the two logs' entries described above. */
    static final class TrimmedDbHistoryEventHandler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent jobLog && (jobLog.getState() == JobState.CREATED.getStateCode()
                    || jobLog.getState() == JobState.DELETED.getStateCode())) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && peoplesInput();
        }

        private static boolean peoplesInput() {
            CommandInvocationContext invocation = Context.getCommandInvocationContext();
            Command<?> command = invocation == null ? null : invocation.getCommand();
            return command != null && PEOPLES_INPUT.stream().anyMatch(type -> type.isInstance(command));
        }
    }
}
