package io.incidentflow.metrics;

import static io.incidentflow.incident.process.IncidentModel.*;
import static io.incidentflow.major.MajorIncidentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentTier;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.MajorPhase;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.major.MajorIncidentModel;
import io.incidentflow.notify.Channel;
import io.incidentflow.observability.GrafanaDashboardTest;
import io.incidentflow.notify.DeliveryStatus;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.notify.page.PageDriver;
import io.incidentflow.notify.page.PageService;
import io.incidentflow.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * GET /actuator/prometheus (anonymous, over HTTP) after a Tier 1 → Tier 2 → restored run: every incident
 * meter is there with its tags and moved by what the run did.
 */
@IncidentFlowTest
class IncidentMetricsTest {

    // whole seconds, so that the recorded time to restore is exact
    @RegisterExtension final EngineClockExtension clock =
            EngineClockExtension.startingAt(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));

    static final String COMMANDER = "ic-metrics-test";
    static final String COMMS = "comms-metrics-test";

    @Autowired TestRestTemplate http;
    @Autowired IncidentDriver driver;
    @Autowired PageDriver pages;
    @Autowired PageService pageService;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired NotificationRepository notifications;
    @Autowired IncidentMetrics metrics;



    @Test
    void tier1ToTier2ToRestoredMovesTheIncidentMeters() {
        TestUsers.ensure(identity, COMMANDER);
        TestUsers.ensure(identity, COMMS);
        PrometheusScrape before = scrape();

        // Tier 1: logged, response target warned, escalated to the resolver group, resolution target breached
        String id = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        String priority = driver.incident(id).getPriority().name();
        driver.fire(id, EVENT_RESPONSE_WARNING);
        driver.complete(id, TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "escalate"));
        driver.fire(id, EVENT_RESOLUTION_BREACHED);
        // Tier 2: the breach entered major incident triage
        assertThat(driver.incident(id).getTier()).isEqualTo(IncidentTier.MAJOR);
        PrometheusScrape inTriage = scrape();

        // the resolver group is paged: level 1 does not acknowledge, level 2 does
        ProcessInstance page = pages.page(id, "erp-team", "ERP invoices fail");
        pages.pageNextLevel(page);
        pages.ackTimeout(page);
        pages.pageNextLevel(page);
        pageService.acknowledgeAs(pages.pageId(page), new CurrentUser("carol", Set.of()));

        driver.complete(majorTask(id, TASK_SITUATIONAL_ANALYSIS), Map.of("triageDecision", "activate",
                "triageNotes", "Invoices fail for every customer"));
        driver.complete(majorTask(id, TASK_ASSIGN_ROLES), Map.of("incidentCommander", COMMANDER,
                "communicationsLead", COMMS));
        clock.advance(Duration.ofHours(2));
        driver.complete(majorTask(id, TASK_RESTORE_SERVICE), Map.of("resolutionType", "fix",
                "resolutionNotes", "Restarted the invoice queue"));
        Incident restored = driver.incident(id);
        assertThat(restored.getMajorPhase()).isEqualTo(MajorPhase.RESTORED);

        PrometheusScrape after = scrape();
        assertThat(after.since(before, "incidentflow_incidents_opened_total",
                "priority", priority, "tier", "normal", "service", "erp")).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_incidents_restored_total",
                "priority", priority, "tier", "major", "service", "erp")).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_sla_warnings_total", "clock", "response", "priority", priority))
                .isEqualTo(1);
        assertThat(after.since(before, "incidentflow_sla_breaches_total", "clock", "resolution", "priority", priority))
                .isEqualTo(1);
        assertThat(after.since(before, "incidentflow_pages_sent_total")).isEqualTo(2);
        assertThat(after.since(before, "incidentflow_pages_escalated_total")).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_pages_acknowledged_total")).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_pages_unacknowledged_total")).isZero();

        // logged 2 hours before it was restored, by the recorded times: in the 4 h bucket, not in the 1 h one
        assertThat(after.since(before, "incidentflow_time_to_restore_seconds_count", "priority", priority)).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_time_to_restore_seconds_sum", "priority", priority))
                .isCloseTo(7200, within(0.001));
        assertThat(after.since(before, "incidentflow_time_to_restore_seconds_bucket", "priority", priority,
                "le", "14400.0")).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_time_to_restore_seconds_bucket", "priority", priority,
                "le", "3600.0")).isZero();

        // deliveries: the outbox delivers at once; the other channels when their delivery job runs
        for (Channel channel : Channel.values()) {
            long delivered = notifications.findByIncidentIdOrderByIdAsc(id).stream()
                    .filter(n -> n.getChannel() == channel && n.getStatus() == DeliveryStatus.DELIVERED).count();
            assertThat(after.has("incidentflow_notifications_total", "channel", channel.code(), "outcome", "failed"))
                    .isTrue();
            assertThat(after.since(before, "incidentflow_notifications_total", "channel", channel.code(),
                    "outcome", "delivered")).as("delivered by %s", channel).isEqualTo(delivered);
        }
        assertThat(notifications.findByIncidentIdOrderByIdAsc(id)).extracting(Notification::getChannel)
                .as("the run sent something").isNotEmpty();

        // the gauges: the incident was open (in triage) and is no longer once restored
        String[] kind = {"priority", priority, "tier", "major", "service", "erp"};
        assertThat(inTriage.since(before, "incidentflow_incidents_open", kind)).isEqualTo(1);
        assertThat(after.since(before, "incidentflow_incidents_open", kind)).isZero();
        assertThat(after.value("incidentflow_jobs_due"))
                .isEqualTo(management.createJobQuery().executable().active().count());
        assertThat(after.value("incidentflow_jobs_failed")).isEqualTo(management.createJobQuery().noRetriesLeft().count());

        // the first acknowledgement (level 2) measured once, from the recorded times
        assertThat(after.since(before, "incidentflow_time_to_acknowledge_seconds_count", "priority", priority))
                .isEqualTo(1);

        // what the Grafana dashboard queries exists (open incidents while there are some; monitoring events:
        // IngestMetricsTest)
        for (String metric : GrafanaDashboardTest.EXPORTED_METRICS) {
            if (!metric.equals("incidentflow_monitoring_events_total")) {
                assertThat(inTriage.text() + after.text()).as("exported for the dashboard")
                        .containsPattern("(?m)^" + metric + "(_count)?[{ ]");
            }
        }

        assertThat(after.text()).as("counts only, never an incident").doesNotContain(id);
    }

    /** Counts the gauges afresh, as the schedule would, and scrapes. */
    private PrometheusScrape scrape() {
        metrics.refreshGauges();
        return PrometheusScrape.of(http);
    }

    private org.camunda.bpm.engine.task.Task majorTask(String incidentId, String activityId) {
        return driver.task(MajorIncidentModel.PROCESS_KEY, incidentId, activityId);
    }
}
