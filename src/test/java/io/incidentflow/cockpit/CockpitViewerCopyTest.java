package io.incidentflow.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Cockpit history page draws diagrams with a copy of bpmn-js committed next to the plugin (the Maven build runs
 * no npm). Upgrading bpmn-js in package.json without {@code npm run cockpit-viewer} would leave the old copy in
 * place silently; this fails instead. It also keeps the bpmn.io license with the copy, which requires the viewer's
 * watermark to stay visible, so the plugin must not restyle it.
 */
class CockpitViewerCopyTest {

    static final Path SCRIPTS = Paths.get("src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts");
    static final Path VIEWER = SCRIPTS.resolve("bpmn-js/bpmn-navigated-viewer.production.min.js");
    static final Pattern HEADER = Pattern.compile(
            "\\A/\\*! bpmn-js - bpmn-navigated-viewer v(\\S+) \\| Copyright .* \\| bpmn\\.io/license \\*/");

    @Test
    void theCommittedViewerIsThePinnedBpmnJs() throws IOException {
        String pinned = new ObjectMapper().readTree(Paths.get("package.json").toFile())
                .path("devDependencies").path("bpmn-js").asText();
        assertThat(pinned).as("bpmn-js pinned to an exact version in package.json").matches("\\d+\\.\\d+\\.\\d+");

        Matcher header = HEADER.matcher(Files.readString(VIEWER));
        assertThat(header.find()).as(VIEWER + " starts with the bpmn-js license header").isTrue();
        assertThat(header.group(1))
                .as("the viewer copy in " + VIEWER.getParent() + " is bpmn-js " + header.group(1) + " but package.json pins "
                        + pinned + ": run `npm ci && npm run cockpit-viewer` and commit the copy")
                .isEqualTo(pinned);
        assertThat(SCRIPTS.resolve("bpmn-js/diagram-js.css")).isNotEmptyFile();
        assertThat(SCRIPTS.resolve("bpmn-js/bpmn-js.css")).isNotEmptyFile();
    }

    @Test
    void theLicenseTravelsWithTheCopyAndTheWatermarkIsLeftAlone() throws IOException {
        assertThat(Files.readString(SCRIPTS.resolve("bpmn-js/LICENSE")))
                .contains("Camunda Services GmbH", "watermark must stay fully visible");
        for (String own : new String[] {"incidentflow-history.js", "incidentflow-diagram.css"}) {
            assertThat(Files.readString(SCRIPTS.resolve(own))).as(own).doesNotContain("powered-by");
        }
    }
}
