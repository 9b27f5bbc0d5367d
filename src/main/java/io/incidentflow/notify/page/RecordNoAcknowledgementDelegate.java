package io.incidentflow.notify.page;

import static io.incidentflow.notify.page.PageModel.PAGE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every level was paged and nobody acknowledged in time. */
@Component
public class RecordNoAcknowledgementDelegate implements JavaDelegate {

    private final PageService pages;

    public RecordNoAcknowledgementDelegate(PageService pages) {
        this.pages = pages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pages.recordUnacknowledged(PAGE_ID.get(execution));
    }
}
