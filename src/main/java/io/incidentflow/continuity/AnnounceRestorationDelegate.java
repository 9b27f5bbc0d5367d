package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Announce restoration": sends the message communications wrote. */
@Component
public class AnnounceRestorationDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public AnnounceRestorationDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.announceRestoration(invocation(execution), RESTORATION_MESSAGE.get(execution));
    }
}
