package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record overdue approval": nobody approved or declined by the due date; crisis management is paged next. */
@Component
public class RecordApprovalOverdueDelegate implements JavaDelegate {

    private final ContinuityService continuity;

    public RecordApprovalOverdueDelegate(ContinuityService continuity) {
        this.continuity = continuity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        continuity.approvalOverdue(invocation(execution), APPROVAL_DUE_AT.get(execution).toInstant());
    }
}
