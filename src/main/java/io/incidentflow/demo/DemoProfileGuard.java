package io.incidentflow.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The demo profile creates users with a published password; PostgreSQL is the production database. The two
 * together are refused before anything starts (no engine, no connection, no demo user), unless explicitly
 * allowed, e.g. for a demonstration of the cluster. Registered in META-INF/spring.factories, since it must run
 * before any bean exists.
 */
public class DemoProfileGuard implements EnvironmentPostProcessor {

    static final String ALLOW_WITH_POSTGRES = "incidentflow.demo.allow-with-postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo & postgres"))
                && !environment.getProperty(ALLOW_WITH_POSTGRES, Boolean.class, false)) {
            throw new IllegalStateException("The demo profile (users with the password 'demo') is not started on "
                    + "PostgreSQL, the production database. Leave out the demo profile, or, if this database is for "
                    + "demonstrations only, set DEMO_ALLOW_WITH_POSTGRES=true (" + ALLOW_WITH_POSTGRES + ").");
        }
    }
}
