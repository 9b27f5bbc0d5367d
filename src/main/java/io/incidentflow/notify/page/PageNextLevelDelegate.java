package io.incidentflow.notify.page;

import static io.incidentflow.notify.page.PageModel.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Pages the next escalation level, as on call at this moment. */
@Component
public class PageNextLevelDelegate implements JavaDelegate {

    private final PageService pages;

    public PageNextLevelDelegate(PageService pages) {
        this.pages = pages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LEVELS_LEFT.set(execution, pages.pageNextLevel(PAGE_ID.get(execution), PAGE_LEAD_FIRST.find(execution).orElse(false)));
    }
}
