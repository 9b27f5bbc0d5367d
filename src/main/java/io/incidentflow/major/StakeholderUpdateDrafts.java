package io.incidentflow.major;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.incidentflow.common.Coded;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.template.TextTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The first wording of a stakeholder update per audience, from {@code notifications/drafts/stakeholder-update.yaml}
 * (next to the notification templates, same {@code {{name}}} placeholders), which process owners edit. Checked
 * at start-up like the notification templates: a missing audience or a placeholder for an unknown variable
 * stops the start with a message naming the file.
 */
@Component
public class StakeholderUpdateDrafts {

    static final String FILE = "drafts/stakeholder-update.yaml";

    /** What a draft may say about the major incident; each component is a placeholder of the same name. */
    public record Facts(String incidentId, String title, String service, int experiments, String technicalBridge,
                        String businessBridge, Duration updateCadence) {

        static final Set<String> VARIABLES = Set.of("incidentId", "title", "service", "experiments",
                "technicalBridge", "businessBridge", "updateCadence");

        Map<String, String> values() {
            return Map.of("incidentId", incidentId, "title", title, "service", service,
                    "experiments", String.valueOf(experiments), "technicalBridge", technicalBridge,
                    "businessBridge", businessBridge, "updateCadence", updateCadence.toString());
        }
    }

    private final Map<Audience, TextTemplate> templates;

    public StakeholderUpdateDrafts(ResourcePatternResolver resources,
                                   @Value("${incidentflow.notify.templates}") String location) throws IOException {
        this.templates = load(resources.getResources(location + FILE), location + FILE);
    }

    /** One draft per audience. */
    public Map<Audience, String> draft(Facts facts) {
        Map<String, String> values = facts.values();
        Map<Audience, String> drafts = new EnumMap<>(Audience.class);
        templates.forEach((audience, template) -> drafts.put(audience, template.fill(values)));
        return drafts;
    }

    static Map<Audience, TextTemplate> load(Resource[] files, String where) throws IOException {
        if (files.length != 1 || !files[0].exists()) {
            throw new IllegalStateException("Stakeholder update drafts are not usable: " + where + " "
                    + (files.length > 1 ? "is there " + files.length + " times" : "is missing"));
        }
        Map<String, Object> content;
        try (InputStream in = files[0].getInputStream()) {
            content = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Object>>() { });
        }
        List<String> problems = new ArrayList<>();
        Map<Audience, TextTemplate> loaded = new EnumMap<>(Audience.class);
        (content == null ? Map.<String, Object>of() : content).forEach((key, text) -> {
            Optional<Audience> audience = Coded.find(Audience.class, key);
            if (audience.isEmpty()) {
                problems.add("'" + key + "' is not an audience (" + Coded.expected(Audience.class) + ")");
            } else if (!(text instanceof String s) || s.isBlank()) {
                problems.add(key + ": a text is required");
            } else {
                try {
                    TextTemplate template = TextTemplate.parse(s);
                    Set<String> unknown = new TreeSet<>(template.names());
                    unknown.removeAll(Facts.VARIABLES);
                    unknown.forEach(variable -> problems.add(key + " uses {{" + variable + "}}, which is not a variable"
                            + " of a draft (" + String.join(", ", new TreeSet<>(Facts.VARIABLES)) + ")"));
                    loaded.put(audience.get(), template);
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
        });
        for (Audience audience : Audience.values()) {
            if (content == null || !content.containsKey(audience.code())) {
                problems.add("the draft for audience " + audience.code() + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Stakeholder update drafts are not usable (" + where + "):\n  "
                    + String.join("\n  ", problems));
        }
        return loaded;
    }
}
