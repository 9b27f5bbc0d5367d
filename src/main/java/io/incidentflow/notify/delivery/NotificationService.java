package io.incidentflow.notify.delivery;

import io.incidentflow.common.LogSafe;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.notify.AckTokens;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Channel;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationContent;
import io.incidentflow.notify.NotificationEvent;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.notify.NotifyProperties;
import io.incidentflow.notify.RenderedMessage;
import io.incidentflow.notify.channel.Channels;
import io.incidentflow.notify.oncall.OnCallService;
import io.incidentflow.notify.oncall.Person;
import io.incidentflow.notify.template.TemplateCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications: the event's template for the recipients' audience, to each recipient on each of
 * the event's channels where they have an address. Every message is a row of the notification log,
 * written in the caller's transaction, so a message exists exactly when the step that sent it committed.
 *
 * <p>A message for a configured channel is delivered by a process instance of its own
 * ({@code processes/notification-delivery.bpmn}): asynchronously, retried, and after the last retry an
 * incident in Cockpit, while the sender's process and the other messages go on. A message for a channel
 * this environment does not configure goes to the outbox: it is delivered at once, to the log.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final TemplateCatalog templates;
    private final OnCallService onCall;
    private final Channels channels;
    private final ProcessAdapter engine;
    private final AckTokens ackTokens;
    private final NotifyProperties properties;
    private final String publicUrl;
    private final ApplicationEventPublisher events;

    public NotificationService(NotificationRepository notifications, TemplateCatalog templates, OnCallService onCall,
                               Channels channels, ProcessAdapter engine, AckTokens ackTokens,
                               NotifyProperties properties, @Value("${incidentflow.public-url}") String publicUrl,
                               ApplicationEventPublisher events) {
        this.events = events;
        this.notifications = notifications;
        this.templates = templates;
        this.onCall = onCall;
        this.channels = channels;
        this.engine = engine;
        this.ackTokens = ackTokens;
        this.properties = properties;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Notifies {@code to} of {@code event} about the incident.
     *
     * @param variables every variable of {@link NotificationEvent#senderVariables()} (values are
     *                  written with {@code toString()}); a missing, null or unknown one is an error
     * @return the messages, one per recipient and channel
     * @throws IllegalStateException when a group has nobody to notify (no schedule, no members)
     */
    @Transactional
    public List<Notification> send(String incidentId, Recipients to, NotificationEvent event, Map<String, ?> variables) {
        return dispatch(incidentId, to, event, variables, null, null, true);
    }

    /** Notifies {@code to} about the incident; see {@link #send(String, Recipients, NotificationEvent, Map)}. */
    @Transactional
    public List<Notification> send(String incidentId, Recipients to, NotificationContent content) {
        return dispatch(incidentId, to, content.event(), content.variables(), null, null, true);
    }

    /**
     * Like {@link #send}, for announcements that must not hold up the step that makes them (a bridge opened,
     * a stakeholder update): a group with nobody to reach is logged, not an error.
     */
    @Transactional
    public List<Notification> announce(String incidentId, Recipients to, NotificationContent content) {
        return dispatch(incidentId, to, content.event(), content.variables(), null, null, false);
    }

    /** One escalation level of a page: the messages carry the page and level, and each its own acknowledgement link. */
    @Transactional
    public List<Notification> sendPage(String pageId, String incidentId, List<Person> people,
                                       NotificationContent.Paged content) {
        return dispatch(incidentId, Recipients.people(people), content.event(), content.variables(), pageId,
                content.level(), true);
    }

    private List<Notification> dispatch(String incidentId, Recipients to, NotificationEvent event,
                                        Map<String, ?> variables, String pageId, Integer level, boolean required) {
        Map<String, String> given = checked(event, variables);
        Instant now = EngineClock.now();
        List<Person> people = to.resolve(onCall, now);
        if (people.isEmpty() && required && !(to instanceof Recipients.AudienceList)) {
            throw new IllegalStateException("Nobody to notify for " + to + ": no on-call schedule and no members");
        }
        if (people.isEmpty()) {
            log.warn("Nobody receives {} for {}: {} has nobody to reach", event.code(), incidentId, LogSafe.text(to));
        }
        List<Notification> sent = new ArrayList<>();
        for (Person person : people) {
            targets(event, person).forEach((channel, address) -> sent.add(
                    message(incidentId, person, channel, address, event, to.audience(), given, pageId, level, now)));
        }
        return sent;
    }

    /** Where the person receives the event: each configured channel they have an address on, else the outbox. */
    private Map<Channel, String> targets(NotificationEvent event, Person person) {
        Map<Channel, String> targets = new LinkedHashMap<>();
        String firstAddress = null;
        for (Channel channel : templates.channels(event)) {
            String address = person.address(channel);
            if (address != null && !address.isBlank()) {
                firstAddress = firstAddress == null ? address : firstAddress;
                if (channels.configured(channel)) {
                    targets.put(channel, address);
                }
            }
        }
        if (targets.isEmpty()) {
            targets.put(Channel.OUTBOX, firstAddress != null ? firstAddress : person.address(Channel.OUTBOX));
        }
        return targets;
    }

    private Notification message(String incidentId, Person person, Channel channel, String address,
                                 NotificationEvent event, Audience audience, Map<String, String> given,
                                 String pageId, Integer level, Instant now) {
        String messageKey = UUID.randomUUID().toString();
        Map<String, String> values = new HashMap<>(given);
        values.put("incidentId", incidentId);
        values.put("recipientName", person.getName());
        if (event.acknowledgeable()) {
            values.put("ackUrl", publicUrl + "/ack/" + ackTokens.issue(messageKey));
        }
        if (event.joinable()) {
            values.put("joinUrl", publicUrl + "/join/" + ackTokens.issue(AckTokens.Purpose.JOIN_BRIDGE, messageKey));
        }
        RenderedMessage rendered = templates.render(event, audience, values);
        Notification message = new Notification(messageKey, incidentId, person.getId(), channel, address, event,
                audience, rendered, pageId, level, now);
        if (channel == Channel.OUTBOX) {
            message.delivered(now);
            notifications.save(message);
            events.publishEvent(new DeliveryAttempted(Channel.OUTBOX, true));
            log.info("Notification {} to {} ({}) [{}]: {}", message.getId(), LogSafe.text(person.getId()),
                    LogSafe.text(address), event.code(), LogSafe.text(rendered.subject()));
            return message;
        }
        notifications.save(message);
        engine.start(DeliveryVariables.PROCESS_KEY, messageKey, DeliveryVariables.start(messageKey, properties.retryCycle()));
        return message;
    }

    private static Map<String, String> checked(NotificationEvent event, Map<String, ?> variables) {
        Set<String> expected = event.senderVariables();
        Set<String> missing = new TreeSet<>(expected);
        Set<String> unknown = new TreeSet<>();
        Map<String, String> given = new HashMap<>();
        variables.forEach((name, value) -> {
            if (!expected.contains(name)) {
                unknown.add(name);
            } else if (value != null) {
                given.put(name, value.toString());
                missing.remove(name);
            }
        });
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("Event " + event.code() + " needs the variables " + expected
                    + (missing.isEmpty() ? "" : "; missing or null: " + missing)
                    + (unknown.isEmpty() ? "" : "; not of this event: " + unknown));
        }
        return given;
    }
}
