package io.incidentflow.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.IncidentFlowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class DemoProfileGuardTest {

    private final DemoProfileGuard guard = new DemoProfileGuard();

    @Test
    void theApplicationDoesNotStartWithDemoOnPostgresAndSaysHowToAllowIt() {
        // fails while the environment is prepared: no database is needed (nor touched) for this start
        SpringApplicationBuilder demoOnPostgres = new SpringApplicationBuilder(IncidentFlowApplication.class)
                .profiles("demo", "postgres").web(WebApplicationType.NONE);

        assertThatThrownBy(() -> demoOnPostgres.run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DEMO_ALLOW_WITH_POSTGRES=true")
                .hasMessageContaining("incidentflow.demo.allow-with-postgres");
    }

    @Test
    void demoOnPostgresStartsWhenExplicitlyAllowed() {
        MockEnvironment allowed = new MockEnvironment().withProperty(DemoProfileGuard.ALLOW_WITH_POSTGRES, "true");
        allowed.setActiveProfiles("demo", "postgres");

        assertThatCode(() -> guard.postProcessEnvironment(allowed, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void eitherProfileAloneIsFine() {
        for (String profile : new String[] {"demo", "postgres"}) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile, "test");

            assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                    .as(profile).doesNotThrowAnyException();
        }
    }
}
