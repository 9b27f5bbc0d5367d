package io.incidentflow.notify.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Starts page-responder.bpmn as a calling process would and runs its jobs by name, as the job executor would. */
@Component
public class PageDriver {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final NotificationRepository notifications;
    private final HistoryService history;

    PageDriver(RuntimeService runtime, ManagementService management, NotificationRepository notifications,
               HistoryService history) {
        this.history = history;
        this.runtime = runtime;
        this.management = management;
        this.notifications = notifications;
    }

    public ProcessInstance page(String incidentId, String group, String summary) {
        return runtime.startProcessInstanceByKey(PageModel.PROCESS_KEY, inputs(incidentId, group, summary));
    }

    /** A page whose level 1 is the group's lead, as an SLA warning asks. */
    public ProcessInstance pageLeadFirst(String incidentId, String group, String summary) {
        Map<String, Object> inputs = inputs(incidentId, group, summary);
        PageModel.PAGE_LEAD_FIRST.putInto(inputs, true);
        return runtime.startProcessInstanceByKey(PageModel.PROCESS_KEY, inputs);
    }

    private static Map<String, Object> inputs(String incidentId, String group, String summary) {
        Map<String, Object> inputs = new HashMap<>();
        PageModel.INCIDENT_ID.putInto(inputs, incidentId);
        PageModel.PAGE_GROUP.putInto(inputs, group);
        PageModel.PAGE_SUMMARY.putInto(inputs, summary);
        return inputs;
    }

    /** Runs the (asynchronous) paging step the instance waits at. */
    public void pageNextLevel(ProcessInstance page) {
        management.executeJob(job(page, PageModel.TASK_PAGE_NEXT_LEVEL).getId());
    }

    /** Fires the acknowledgement timer now, whatever its due date. */
    public void ackTimeout(ProcessInstance page) {
        management.executeJob(job(page, PageModel.EVENT_ACK_TIMEOUT).getId());
    }

    public Job job(ProcessInstance page, String activityId) {
        Job job = management.createJobQuery().processInstanceId(page.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        return job;
    }

    /** The page's id, from history: also after the instance ended. */
    public String pageId(ProcessInstance page) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(page.getId())
                .variableName(PageModel.PAGE_ID.name()).singleResult().getValue();
    }

    /** The messages of the page, in the order they were sent. */
    public List<Notification> messages(ProcessInstance page) {
        return notifications.findByPageIdOrderByIdAsc(pageId(page));
    }
}
