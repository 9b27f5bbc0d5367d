package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Schedule failback": the window the continuity manager entered becomes the timer's date. It runs in
 * the transaction that completes "Plan failback", so a window that cannot be read is shown to the person in
 * Tasklist and the task stays open.
 */
@Component
public class ScheduleFailbackDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public ScheduleFailbackDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FAILBACK_AT.set(execution, Date.from(continuity.scheduleFailback(invocation(execution),
                FAILBACK_WINDOW_START.find(execution).orElse(null))));
    }
}
