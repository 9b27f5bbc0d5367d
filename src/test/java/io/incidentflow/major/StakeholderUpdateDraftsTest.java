package io.incidentflow.major;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.notify.Audience;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The drafts come from the file process owners edit: what it says is what the communications lead gets. */
class StakeholderUpdateDraftsTest {

    static final Path SHIPPED = Path.of("notifications");
    static final StakeholderUpdateDrafts.Facts PAYMENTS = new StakeholderUpdateDrafts.Facts("INC-000042",
            "Card payments fail", "Online payments", 2, "https://meet.example.com/tech", "Business call",
            Duration.ofMinutes(30));

    @TempDir Path edited;

    @Test
    void theShippedFileDraftsEveryAudience() throws IOException {
        var drafts = drafts(SHIPPED).draft(PAYMENTS);

        assertThat(drafts).containsOnlyKeys(Audience.values());
        assertThat(drafts.get(Audience.TECHNICAL)).isEqualTo("[INC-000042] Card payments fail (Online payments)."
                + " Experiments so far: 2. Technical bridge: https://meet.example.com/tech. Next update within PT30M.");
        assertThat(drafts.get(Audience.IMPACTED_USERS)).isEqualTo("Online payments is currently disrupted. We are"
                + " working to restore it; there is no need to report it to the service desk. Next update within PT30M.");
    }

    @Test
    void anEditedFileChangesTheDraft() throws IOException {
        String shipped = Files.readString(SHIPPED.resolve(StakeholderUpdateDrafts.FILE));
        write(shipped.replace("We are working to restore it;", "Payments by invoice still work;"));

        assertThat(drafts(edited).draft(PAYMENTS).get(Audience.IMPACTED_USERS))
                .startsWith("Online payments is currently disrupted. Payments by invoice still work;");
    }

    @Test
    void anUnknownVariableOrAMissingAudienceStopsTheStart() throws IOException {
        write("""
                technical: "{{incidentId}} at {{customer}}"
                business: "{{service}}"
                key-customers: "{{service}}"
                """);

        assertThatThrownBy(() -> drafts(edited)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(StakeholderUpdateDrafts.FILE)
                .hasMessageContaining("technical uses {{customer}}")
                .hasMessageContaining("the draft for audience impacted-users is missing");
    }

    private void write(String content) throws IOException {
        Path file = edited.resolve(StakeholderUpdateDrafts.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static StakeholderUpdateDrafts drafts(Path directory) throws IOException {
        return new StakeholderUpdateDrafts(new PathMatchingResourcePatternResolver(), directory.toUri().toString());
    }
}
