package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.continuity.ContinuityProperties;
import io.incidentflow.incident.IncidentProperties;
import io.incidentflow.ingest.IngestProperties;
import io.incidentflow.major.MajorIncidentProperties;
import io.incidentflow.notify.NotifyProperties;
import io.incidentflow.security.AdminProperties;
import io.incidentflow.security.LoginThrottleProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The settings of incidentflow.* bound as the application binds them, from application.yaml (the one place
 * of their defaults) and what an operator overrides: each kind of mistake stops the start naming the setting.
 * Only the properties and the validator start, not the application.
 */
class ConfigurationValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngestProperties.class, NotifyProperties.class, AdminProperties.class,
            LoginThrottleProperties.class, IncidentProperties.class, MajorIncidentProperties.class,
            ContinuityProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsOfApplicationYamlAreValid() {
        application.run(context -> {
            assertThat(context).hasNotFailed();
            IngestProperties ingest = context.getBean(IngestProperties.class);
            assertThat(ingest.maxBodyBytes()).isEqualTo(512 * 1024);
            assertThat(ingest.rateLimit().eventsPerMinute()).isEqualTo(120);
            assertThat(ingest.payloadRetention()).isEqualTo(Duration.ofDays(30));
            assertThat(ingest.severities()).containsKeys(IngestProperties.SEVERITIES);
            assertThat(context.getBean(AdminProperties.class).userId()).isEqualTo("admin");
            assertThat(context.getBean(NotifyProperties.class).ack().timeout()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void aNegativeDurationStopsTheStart() {
        refused("incidentflow.login-throttle.initial-delay=-PT1S", "incidentflow.login-throttle", "initialDelay");
        refused("incidentflow.ingest.payload-retention=-P1D", "incidentflow.ingest", "payloadRetention");
        refused("incidentflow.notify.ack.link-validity=PT0S", "incidentflow.notify", "ack.linkValidity");
        refused("incidentflow.continuity.approval-time=PT0S", "incidentflow.continuity", "approvalTime");
        refused("incidentflow.incident.hold-reminder-after=-PT1H", "incidentflow.incident", "holdReminderAfter");
    }

    @Test
    void aMissingRequiredValueStopsTheStart() {
        refused("incidentflow.notify.templates=", "incidentflow.notify", "templates");
        refused("incidentflow.admin.user-id=", "incidentflow.admin", "userId");
        refused("incidentflow.continuity.crisis-team=", "incidentflow.continuity", "crisisTeam");
        refused("incidentflow.major.technical-bridge=", "incidentflow.major", "technicalBridge");
        refused("incidentflow.incident.closure-wait=", "incidentflow.incident", "closureWait");
    }

    @Test
    void aNumberOutOfRangeStopsTheStart() {
        refused("incidentflow.ingest.max-body-bytes=0", "incidentflow.ingest", "maxBodyBytes");
        refused("incidentflow.ingest.rate-limit.events-per-minute=-1", "incidentflow.ingest", "rateLimit.eventsPerMinute");
        refused("incidentflow.login-throttle.free-failures=-1", "incidentflow.login-throttle", "freeFailures");
        refused("incidentflow.continuity.max-failed-failovers=0", "incidentflow.continuity", "maxFailedFailovers");
        refused("incidentflow.incident.warning-ratio=1", "incidentflow.incident", "warningRatio");
    }

    @Test
    void settingsThatContradictEachOtherStopTheStart() {
        refused("incidentflow.login-throttle.max-delay=PT0.5S", "incidentflow.login-throttle", "delaysInOrder");
        refused("incidentflow.incident.hold-escalation-after=PT1H", "incidentflow.incident",
                "holdEscalationAfterReminder");
    }

    private void refused(String setting, String prefix, String field) {
        application.withPropertyValues(setting).run(context -> {
            assertThat(context).as(setting).hasFailed();
            assertThat(context.getStartupFailure()).as(setting).rootCause()
                    .hasMessageContaining(prefix).hasMessageContaining(field);
        });
    }
}
