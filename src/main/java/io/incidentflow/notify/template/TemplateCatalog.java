package io.incidentflow.notify.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.incidentflow.common.Coded;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.NotificationEvent;
import io.incidentflow.notify.RenderedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The notification templates process owners edit: one file per event, {@code notifications/<event>.yaml},
 * with the channels its messages go out on and a template (subject, text, body) for each audience of the
 * event. Every file is checked at start-up: a missing event, audience or field, an unknown channel, or a
 * placeholder for a variable the event does not provide stops the start with a message naming the file.
 */
@Component
public class TemplateCatalog {

    private static final Logger log = LoggerFactory.getLogger(TemplateCatalog.class);
    private static final String CHANNELS = "channels";
    private static final List<String> FIELDS = List.of("subject", "text", "body");

    private record MessageTemplate(TextTemplate subject, TextTemplate text, TextTemplate body) {
    }

    private record EventTemplates(Set<Channel> channels, Map<Audience, MessageTemplate> audiences) {
    }

    private final Map<NotificationEvent, EventTemplates> templates;

    public TemplateCatalog(ResourcePatternResolver resources,
                           @Value("${incidentflow.notify.templates}") String location) throws IOException {
        this.templates = load(resources.getResources(location + "*.yaml"), location);
        log.info("Notification templates: {} events from {}", templates.size(), location);
    }

    /** The channels messages of the event go out on, in the file's order. */
    public Set<Channel> channels(NotificationEvent event) {
        return templates.get(event).channels();
    }

    /** The event's message for the audience, filled with {@code values} (every variable of the event). */
    public RenderedMessage render(NotificationEvent event, Audience audience, Map<String, String> values) {
        MessageTemplate template = templates.get(event).audiences().get(audience);
        if (template == null) {
            throw new IllegalArgumentException("Event " + event.code() + " has no template for audience "
                    + audience.code() + " (its audiences: " + codes(event.audiences()) + ")");
        }
        return new RenderedMessage(template.subject().fill(values), template.text().fill(values),
                template.body().fill(values));
    }

    static Map<NotificationEvent, EventTemplates> load(Resource[] files, String location) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<NotificationEvent, EventTemplates> loaded = new EnumMap<>(NotificationEvent.class);
        EnumSet<NotificationEvent> found = EnumSet.noneOf(NotificationEvent.class);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Resource file : files) {
            String name = file.getFilename() == null ? "" : file.getFilename().replaceFirst("\\.yaml$", "");
            String where = location + file.getFilename();
            Optional<NotificationEvent> event = Coded.find(NotificationEvent.class, name);
            if (event.isEmpty()) {
                problems.add(where + ": no event '" + name + "' (" + Coded.expected(NotificationEvent.class) + ")");
                continue;
            }
            found.add(event.get());
            Map<String, Object> content;
            try (InputStream in = file.getInputStream()) {
                content = yaml.readValue(in, new TypeReference<Map<String, Object>>() { });
            }
            eventTemplates(event.get(), content == null ? Map.of() : content, where, problems)
                    .ifPresent(t -> loaded.put(event.get(), t));
        }
        for (NotificationEvent event : EnumSet.complementOf(found)) {
            problems.add(location + event.code() + ".yaml: missing (templates of event " + event.code() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Notification templates are not usable:\n  " + String.join("\n  ", problems));
        }
        return loaded;
    }

    private static Optional<EventTemplates> eventTemplates(NotificationEvent event, Map<String, Object> content,
                                                           String where, List<String> problems) {
        int before = problems.size();
        Set<Channel> channels = new LinkedHashSet<>();
        if (!(content.get(CHANNELS) instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": channels is required, a list of " + codes(Set.of(Channel.EMAIL, Channel.CHAT, Channel.SMS)));
        } else {
            for (Object code : list) {
                Optional<Channel> channel = Coded.find(Channel.class, String.valueOf(code));
                if (channel.isEmpty() || channel.get() == Channel.OUTBOX) {
                    problems.add(where + ": channels: unknown channel '" + code + "' (expected email, chat or sms)");
                } else {
                    channels.add(channel.get());
                }
            }
        }
        Map<Audience, MessageTemplate> audiences = new EnumMap<>(Audience.class);
        for (Map.Entry<String, Object> entry : content.entrySet()) {
            if (entry.getKey().equals(CHANNELS)) {
                continue;
            }
            Optional<Audience> audience = Coded.find(Audience.class, entry.getKey());
            if (audience.isEmpty() || !event.audiences().contains(audience.get())) {
                problems.add(where + ": '" + entry.getKey() + "' is not an audience of event " + event.code()
                        + " (its audiences: " + codes(event.audiences()) + ")");
                continue;
            }
            messageTemplate(event, entry.getValue(), where + ": " + entry.getKey(), problems)
                    .ifPresent(t -> audiences.put(audience.get(), t));
        }
        for (Audience audience : event.audiences()) {
            if (!content.containsKey(audience.code())) {
                problems.add(where + ": the template for audience " + audience.code() + " is missing");
            }
        }
        return problems.size() == before ? Optional.of(new EventTemplates(channels, audiences)) : Optional.empty();
    }

    private static Optional<MessageTemplate> messageTemplate(NotificationEvent event, Object value, String where,
                                                             List<String> problems) {
        if (!(value instanceof Map<?, ?> fields)) {
            problems.add(where + ": expected " + String.join(", ", FIELDS));
            return Optional.empty();
        }
        for (Object field : fields.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                problems.add(where + ": unknown field '" + field + "' (expected " + String.join(", ", FIELDS) + ")");
            }
        }
        List<TextTemplate> parsed = new ArrayList<>();
        for (String field : FIELDS) {
            Object text = fields.get(field);
            if (!(text instanceof String s) || s.isBlank()) {
                problems.add(where + ": " + field + " is required");
                continue;
            }
            try {
                TextTemplate template = TextTemplate.parse(s);
                Set<String> unknown = new TreeSet<>(template.names());
                unknown.removeAll(event.variables());
                unknown.forEach(variable -> problems.add(where + ": " + field + " uses {{" + variable
                        + "}}, which event " + event.code() + " does not provide (it provides "
                        + String.join(", ", event.variables()) + ")"));
                parsed.add(template);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + field + ": " + e.getMessage());
            }
        }
        return parsed.size() == FIELDS.size() ? Optional.of(new MessageTemplate(parsed.get(0), parsed.get(1), parsed.get(2)))
                : Optional.empty();
    }

    private static String codes(Set<? extends Coded> values) {
        return String.join(", ", values.stream().map(Coded::code).toList());
    }
}
