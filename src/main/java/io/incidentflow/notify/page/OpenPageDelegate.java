package io.incidentflow.notify.page;

import static io.incidentflow.notify.page.PageModel.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the page: the inputs checked, the acknowledgement time per level, and no acknowledgement yet. */
@Component
public class OpenPageDelegate implements JavaDelegate {

    private final PageService pages;

    public OpenPageDelegate(PageService pages) {
        this.pages = pages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean leadFirst = pages.leadFirst(PAGE_GROUP.get(execution), PAGE_LEAD_FIRST.find(execution).orElse(false));
        Page page = pages.open(INCIDENT_ID.get(execution), PAGE_GROUP.get(execution), PAGE_SUMMARY.get(execution),
                PAGE_EVENT.find(execution).orElse(null), ACK_TIMEOUT.find(execution).orElse(null), leadFirst,
                execution.getProcessInstanceId());
        PAGE_LEAD_FIRST.set(execution, leadFirst);
        PAGE_ID.set(execution, page.getId());
        ACK_TIMEOUT.set(execution, page.getAckTimeout());
        RETRY_CYCLE.set(execution, pages.retryCycle());
        ACKNOWLEDGED.set(execution, false);
        ACKNOWLEDGED_BY.set(execution, null);
        ACKNOWLEDGED_AT.set(execution, null);
    }
}
