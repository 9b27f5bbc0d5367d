package io.incidentflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SVGs in docs/diagrams/ (README shows them) are drawn from the models in processes/ by
 * tools/render-diagrams.mjs, which stamps each with the SHA-256 of its model. File times do not survive a
 * git clone, so the stamp is what tells a stale diagram; this needs no browser.
 */
class RenderedDiagramsTest {

    private static final Path MODELS = Path.of("processes");
    private static final Path DIAGRAMS = Path.of("docs", "diagrams");
    private static final Pattern STAMP = Pattern.compile("sha256:([0-9a-f]{64})");
    private static final String RENDER = "npm ci && npm run diagrams";

    @Test
    void everyModelHasACurrentDiagram() throws IOException {
        List<String> models = list(MODELS, ".bpmn", ".dmn");
        assertThat(models).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (String model : models) {
            Path svg = DIAGRAMS.resolve(model + ".svg");
            if (!Files.exists(svg)) {
                problems.add(svg + " is missing: run `" + RENDER + "` to render " + model);
                continue;
            }
            Matcher stamp = STAMP.matcher(Files.readString(svg));
            if (!stamp.find() || !stamp.group(1).equals(sha256(MODELS.resolve(model)))) {
                problems.add(svg + " was drawn from another version of " + MODELS.resolve(model) + ": run `" + RENDER
                        + "` to re-render " + model);
            }
        }
        for (String svg : list(DIAGRAMS, ".svg")) {
            if (!models.contains(svg.substring(0, svg.length() - ".svg".length()))) {
                problems.add(DIAGRAMS.resolve(svg) + " has no model in processes/: run `" + RENDER + "` to delete it");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The same hash as the render script: of the text with Unix line endings, so a Windows checkout agrees. */
    private static String sha256(Path model) throws IOException {
        String text = Files.readString(model).replace("\r\n", "\n");
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> list(Path dir, String... endings) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> Stream.of(endings).anyMatch(name::endsWith)).sorted().toList();
        }
    }
}
