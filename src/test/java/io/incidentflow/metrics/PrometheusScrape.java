package io.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * One anonymous GET /actuator/prometheus, read as series. The test context is shared, so tests compare
 * two scrapes rather than absolute values.
 */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private PrometheusScrape(String text) {
        this.text = text;
        this.samples = text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(PrometheusScrape::sample).toList();
    }

    public static PrometheusScrape of(TestRestTemplate http) {
        ResponseEntity<String> answer = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode().value()).as("anonymous scrape").isEqualTo(200);
        return new PrometheusScrape(answer.getBody());
    }

    /** The sum of the series of this name whose labels include the given ones (name, value, ...); 0 if none. */
    public double value(String name, String... labels) {
        return matching(name, labels).mapToDouble(Sample::value).sum();
    }

    /** How far the series moved since an earlier scrape, as {@link #value} counts them. */
    public double since(PrometheusScrape earlier, String name, String... labels) {
        return value(name, labels) - earlier.value(name, labels);
    }

    /** Whether a series of this name with (at least) these labels is exported at all, even at 0. */
    public boolean has(String name, String... labels) {
        return matching(name, labels).findAny().isPresent();
    }

    public String text() {
        return text;
    }

    private Stream<Sample> matching(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()));
    }

    private static Sample sample(String line) {
        Matcher matcher = SAMPLE.matcher(line);
        assertThat(matcher.matches()).as("Prometheus sample line: %s", line).isTrue();
        Map<String, String> labels = new HashMap<>();
        if (matcher.group(2) != null) {
            Matcher label = LABEL.matcher(matcher.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3).replace("Inf", "Infinity")));
    }
}
