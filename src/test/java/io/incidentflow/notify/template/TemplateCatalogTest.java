package io.incidentflow.notify.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.NotificationEvent;
import io.incidentflow.notify.RenderedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The templates in notifications/ load, and a broken one stops the start naming file and variable. */
class TemplateCatalogTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesCoverEveryEventAndAudience() throws IOException {
        TemplateCatalog catalog = catalog(Path.of("notifications"));

        for (NotificationEvent event : NotificationEvent.values()) {
            for (Audience audience : event.audiences()) {
                Map<String, String> values = new java.util.HashMap<>();
                event.variables().forEach(v -> values.put(v, "<" + v + ">"));
                RenderedMessage message = catalog.render(event, audience, values);
                assertThat(message.subject() + message.text() + message.body()).as(event + " " + audience)
                        .doesNotContain("{{").contains("<incidentId>");
            }
        }
        assertThat(catalog.channels(NotificationEvent.PAGED)).containsExactly(Channel.SMS, Channel.CHAT, Channel.EMAIL);
        assertThat(catalog.render(NotificationEvent.PAGED, Audience.TECHNICAL, Map.of("incidentId", "INC-000042",
                "summary", "Checkout down", "recipientName", "Alice", "group", "payments-team", "level", "1",
                "ackUrl", "https://if.example.com/ack/t")).text())
                .isEqualTo("INC-000042 paged (payments-team, level 1): Checkout down. Acknowledge: https://if.example.com/ack/t");
    }

    @Test
    void aVariableTheEventDoesNotProvideStopsTheStartNamingFileAndVariable() throws IOException {
        Path templates = copyOfShippedTemplates();
        Files.writeString(templates.resolve("resolved.yaml"), Files.readString(templates.resolve("resolved.yaml"))
                .replace("{{resolution}}\n", "{{resolution}} by {{resolvedBy}}\n"));

        assertThatThrownBy(() -> catalog(templates))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resolved.yaml: technical: body uses {{resolvedBy}}, which event resolved does not provide")
                .hasMessageContaining("it provides incidentId, summary, recipientName, resolution");
    }

    @Test
    void missingAudienceFieldUnknownChannelMalformedPlaceholderAndMissingFileAreEachNamed() throws IOException {
        Path templates = copyOfShippedTemplates();
        Files.writeString(templates.resolve("problem-reminder.yaml"), """
                channels: [email, pigeon]
                technical:
                  subject: "{{incidentId}} still open {{ problemId"
                  text: "{{incidentId}}"
                """);
        Files.writeString(templates.resolve("stakeholder-update.yaml"), Files.readString(templates.resolve(
                "stakeholder-update.yaml")).replace("key-customers:", "key-custmers:"));
        Files.delete(templates.resolve("dr-invoked.yaml"));

        assertThatThrownBy(() -> catalog(templates))
                .hasMessageContaining("problem-reminder.yaml: channels: unknown channel 'pigeon'")
                .hasMessageContaining("problem-reminder.yaml: technical: subject: '{{ problemId' is not a placeholder")
                .hasMessageContaining("problem-reminder.yaml: technical: body is required")
                .hasMessageContaining("stakeholder-update.yaml: 'key-custmers' is not an audience of event stakeholder-update")
                .hasMessageContaining("stakeholder-update.yaml: the template for audience key-customers is missing")
                .hasMessageContaining("dr-invoked.yaml: missing");
    }

    private Path copyOfShippedTemplates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notifications"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private static TemplateCatalog catalog(Path templates) throws IOException {
        return new TemplateCatalog(new PathMatchingResourcePatternResolver(), templates.toUri().toString());
    }
}
