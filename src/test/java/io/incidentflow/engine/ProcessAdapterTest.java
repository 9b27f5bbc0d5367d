package io.incidentflow.engine;

import static io.incidentflow.incident.process.IncidentModel.EVENT_RESOLUTION_BREACHED;
import static io.incidentflow.incident.process.IncidentModel.EVENT_RESOLUTION_WARNING;
import static io.incidentflow.incident.process.IncidentModel.TASK_INITIAL_DIAGNOSIS;
import static io.incidentflow.incident.process.IncidentModel.TIMERS_RUNNING_WHILE_ON_HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@IncidentFlowTest
class ProcessAdapterTest {

    @RegisterExtension
    final EngineClockExtension clock =
            EngineClockExtension.startingAt(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Autowired ProcessAdapter engine;
    @Autowired IncidentDriver driver;

    /** Delegates resume timers inside the engine's command; a service would call from outside one. */
    @Test
    void timersResumedOutsideAnEngineCommandAreWritten() {
        Incident incident = driver.log("erp", Level.MEDIUM, Level.MEDIUM);
        String instanceId = driver.instance(incident.getId()).getId();
        driver.complete(incident.getId(), TASK_INITIAL_DIAGNOSIS, Map.of("diagnosisOutcome", "awaitCaller"));
        Job suspended = driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED);
        assertThat(suspended.isSuspended()).isTrue();

        engine.resumeTimers(instanceId, TIMERS_RUNNING_WHILE_ON_HOLD, Duration.ofMinutes(30));

        Job breach = driver.job(incident.getId(), EVENT_RESOLUTION_BREACHED);
        assertThat(breach.isSuspended()).isFalse();
        assertThat(breach.getDuedate().toInstant())
                .isEqualTo(suspended.getDuedate().toInstant().plus(Duration.ofMinutes(30)));
        assertThat(driver.job(incident.getId(), EVENT_RESOLUTION_WARNING).isSuspended()).isFalse();
    }
}
