package io.incidentflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus next to it in {@code docker/}, checked without Docker: the files
 * parse, the compose files mount what exists where Grafana and Prometheus look for it, Prometheus scrapes the
 * application's nodes, and every panel queries only metrics the application exports ({@link #EXPORTED_METRICS}).
 */
public class GrafanaDashboardTest {

    /**
     * The Prometheus names of the application's metrics the dashboard may query (package
     * {@code io.incidentflow.metrics}). Histograms are listed once by base name; their
     * {@code _bucket}, {@code _sum} and {@code _count} series are accepted. Change this list and the
     * dashboard together when a metric is renamed. {@code IncidentMetricsTest} checks that the application
     * really exports each of them after a Tier 1 → Tier 2 → restored run.
     */
    public static final Set<String> EXPORTED_METRICS = Set.of(
            "incidentflow_incidents_opened_total",
            "incidentflow_incidents_restored_total",
            "incidentflow_incidents_open",
            "incidentflow_sla_warnings_total",
            "incidentflow_sla_breaches_total",
            "incidentflow_time_to_restore_seconds",
            "incidentflow_time_to_acknowledge_seconds",
            "incidentflow_pages_sent_total",
            "incidentflow_pages_escalated_total",
            "incidentflow_pages_acknowledged_total",
            "incidentflow_pages_unacknowledged_total",
            "incidentflow_monitoring_events_total");

    private static final Set<String> HISTOGRAMS = Set.of(
            "incidentflow_time_to_restore_seconds", "incidentflow_time_to_acknowledge_seconds");

    /** What issue 15 asks the dashboard to show, as words in panel titles. */
    private static final List<String> REQUIRED_PANELS = List.of(
            "Open incidents", "SLA breaches", "MTTA", "MTTR", "Monitoring event rate");

    private static final Pattern METRIC = Pattern.compile("\\bincidentflow_[a-z0-9_]+");
    private static final Path DOCKER = Path.of("docker");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyPanelQueriesOnlyExportedMetrics() throws IOException {
        JsonNode dashboard = dashboard();
        List<String> wrong = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.get("title").asText();
            assertThat(panel.get("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                String expr = target.path("expr").asText();
                Set<String> metrics = metricsIn(expr);
                if (metrics.isEmpty()) {
                    wrong.add(title + ": queries no IncidentFlow metric: " + expr);
                }
                for (String metric : metrics) {
                    if (!EXPORTED_METRICS.contains(baseName(metric))) {
                        wrong.add(title + ": " + metric + " is not exported");
                    }
                    used.add(baseName(metric));
                }
            }
        }
        assertThat(wrong).isEmpty();
        // a metric on the list that no panel shows is a list out of step with the dashboard
        assertThat(used).isEqualTo(new TreeSet<>(EXPORTED_METRICS));
    }

    @Test
    void showsWhatTheIssueAsksFor() throws IOException {
        List<String> titles = new ArrayList<>();
        dashboard().get("panels").forEach(panel -> titles.add(panel.get("title").asText()));
        for (String required : REQUIRED_PANELS) {
            assertThat(titles).as(required).anyMatch(title -> title.contains(required));
        }
    }

    @Test
    void panelsUseTheProvisionedPrometheusAndDoNotOverlap() throws IOException {
        String uid = single(YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile())
                .get("datasources")).get("uid").asText();
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : dashboard().get("panels")) {
            String title = panel.get("title").asText();
            assertThat(ids.add(panel.get("id").asInt())).as("unique id of " + title).isTrue();
            assertThat(panel.at("/datasource/uid").asText()).as(title).isEqualTo(uid);
            panel.get("targets").forEach(t -> assertThat(t.at("/datasource/uid").asText()).as(title).isEqualTo(uid));
            JsonNode pos = panel.get("gridPos");
            int[] box = {pos.get("x").asInt(), pos.get("y").asInt(), pos.get("w").asInt(), pos.get("h").asInt()};
            assertThat(box[0] + box[2]).as(title + " fits Grafana's 24 columns").isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as(title + " overlaps another panel").isFalse();
            }
            boxes.add(box);
        }
    }

    /** Each compose file runs Prometheus on its own scrape file and Grafana with the provisioning and dashboard. */
    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose.cluster.yaml"})
    void composeProvisionsPrometheusAndGrafana(String composeFile) throws IOException {
        JsonNode services = YAML.readTree(DOCKER.resolve(composeFile).toFile()).get("services");
        Set<String> volumes = new HashSet<>();
        YAML.readTree(DOCKER.resolve(composeFile).toFile()).get("volumes").fieldNames().forEachRemaining(volumes::add);

        String prometheusConfig = mountedAt(services.get("prometheus"), "/etc/prometheus/prometheus.yml", volumes);
        JsonNode scrape = single(YAML.readTree(DOCKER.resolve(prometheusConfig).toFile()).get("scrape_configs"));
        assertThat(scrape.get("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        JsonNode targets = single(scrape.get("static_configs")).get("targets");
        assertThat(targets).isNotEmpty();
        for (JsonNode target : targets) {
            String[] hostPort = target.asText().split(":");
            assertThat(hostPort).as(target.asText()).hasSize(2);
            // scraped directly on the application's port, never through the load balancer's
            assertThat(services.get(hostPort[0])).as(composeFile + " service " + hostPort[0]).isNotNull();
            assertThat(services.get(hostPort[0]).path("image").asText()).doesNotStartWith("nginx");
            assertThat(hostPort[1]).isEqualTo("8080");
        }

        JsonNode grafana = services.get("grafana");
        assertThat(mountedAt(grafana, "/etc/grafana/provisioning", volumes)).isEqualTo("grafana/provisioning");
        String dashboards = mountedAt(grafana, "/var/lib/grafana/dashboards", volumes);
        assertThat(DOCKER.resolve(dashboards).resolve("incidentflow.json")).isRegularFile();
        String providerPath = single(YAML.readTree(DOCKER.resolve("grafana/provisioning/dashboards/incidentflow.yaml")
                .toFile()).get("providers")).at("/options/path").asText();
        assertThat(providerPath).isEqualTo("/var/lib/grafana/dashboards");
        assertThat(grafana.at("/environment/GF_SECURITY_ADMIN_PASSWORD").asText())
                .as("no default Grafana password").contains(":?");

        URI datasource = URI.create(single(YAML.readTree(DOCKER.resolve(
                "grafana/provisioning/datasources/prometheus.yaml").toFile()).get("datasources")).get("url").asText());
        assertThat(services.get(datasource.getHost())).as("datasource host").isNotNull();
        assertThat(datasource.getPort()).isEqualTo(9090);
    }

    /**
     * The host file (relative to {@code docker/}) mounted at {@code containerPath}; asserts it exists and
     * that named volumes of the service are declared.
     */
    private static String mountedAt(JsonNode service, String containerPath, Set<String> namedVolumes) {
        assertThat(service).as("service mounting " + containerPath).isNotNull();
        String found = null;
        for (JsonNode volume : service.get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (!parts[0].startsWith("./")) {
                assertThat(namedVolumes).as("named volume").contains(parts[0]);
                continue;
            }
            String source = parts[0].substring(2);
            assertThat(DOCKER.resolve(source)).as(volume.asText()).exists();
            if (parts[1].equals(containerPath)) {
                found = source;
            }
        }
        assertThat(found).as("mount at " + containerPath).isNotNull();
        return found;
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(Files.readString(DOCKER.resolve("grafana/dashboards/incidentflow.json")));
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    private static Set<String> metricsIn(String expr) {
        Set<String> metrics = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            metrics.add(m.group());
        }
        return metrics;
    }

    private static String baseName(String metric) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            String base = metric.endsWith(suffix) ? metric.substring(0, metric.length() - suffix.length()) : metric;
            if (HISTOGRAMS.contains(base)) {
                return base;
            }
        }
        return metric;
    }
}
