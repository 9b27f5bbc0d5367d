package io.incidentflow.notify.page;

import io.incidentflow.common.TimelineEventType;
import static io.incidentflow.notify.page.PageModel.*;

import io.incidentflow.common.Coded;
import io.incidentflow.common.NotFoundException;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationEvent;
import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.notify.NotificationContent;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.NotifyProperties;
import io.incidentflow.notify.oncall.OnCallService;
import io.incidentflow.notify.oncall.Person;
import io.incidentflow.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalations of {@code processes/page-responder.bpmn}: opens a page, pages its levels one after the
 * other, and records acknowledgements, from a signed link or the API, correlating the first one to the
 * waiting instance. A second acknowledgement changes nothing.
 */
@Service
@Transactional
public class PageService {

    private final PageRepository pages;
    private final OnCallService onCall;
    private final NotificationService notifications;
    private final NotificationRepository messages;
    private final ProcessAdapter engine;
    private final NotifyProperties properties;
    private final ApplicationEventPublisher events;

    public PageService(PageRepository pages, OnCallService onCall, NotificationService notifications,
                       NotificationRepository messages, ProcessAdapter engine, NotifyProperties properties,
                       ApplicationEventPublisher events) {
        this.events = events;
        this.pages = pages;
        this.onCall = onCall;
        this.notifications = notifications;
        this.messages = messages;
        this.engine = engine;
        this.properties = properties;
    }

    /** What an acknowledgement did: {@code recorded} is false when the page was already acknowledged. */
    public record Acknowledgement(Page page, boolean recorded) {
    }

    /**
     * @param eventCode  the acknowledgeable event whose template pages (null: {@code paged})
     * @param ackTimeout ISO-8601 duration each level has to acknowledge (null: {@code incidentflow.notify.ack.timeout})
     * @param leadFirst  the group's lead is level 1, the group's own levels follow ({@link #leadFirst})
     */
    public Page open(String incidentId, String group, String summary, String eventCode, String ackTimeout,
                     boolean leadFirst, String processInstanceId) {
        NotificationEvent event = eventCode == null ? NotificationEvent.PAGED
                : Coded.fromCode(NotificationEvent.class, eventCode);
        if (!event.acknowledgeable()) {
            throw new IllegalArgumentException("pageEvent " + eventCode + " has no acknowledgement link (use "
                    + NotificationEvent.PAGED.code() + ")");
        }
        Duration timeout;
        try {
            timeout = ackTimeout == null ? properties.ack().timeout() : Duration.parse(ackTimeout);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ackTimeout '" + ackTimeout + "' is not an ISO-8601 duration such as PT5M", e);
        }
        int levels = onCall.levelCount(group) + (leadFirst ? 1 : 0);
        return pages.save(new Page(UUID.randomUUID().toString(), incidentId, group, event, summary, processInstanceId,
                timeout, levels, EngineClock.now()));
    }

    /** Whether a page that asks for the group's lead first gets one: only a group whose schedule names a lead. */
    public boolean leadFirst(String group, boolean asked) {
        return asked && onCall.namedLead(group).isPresent();
    }

    /** The retry cycle of the paging step, the same as the deliveries'. */
    public String retryCycle() {
        return properties.retryCycle();
    }

    /**
     * Pages the next escalation level as on call now. A level that reaches nobody (a group without schedule
     * and members) falls back to the group's lead; with no lead either this fails, so that the paging step is
     * retried and then shows as an incident in Cockpit, while the step that asked for the page stays done.
     *
     * @param leadFirst as given to {@link #open}
     * @return whether levels are left after it
     */
    public boolean pageNextLevel(String pageId, boolean leadFirst) {
        Page page = get(pageId);
        int level = page.nextLevel();
        Reach reach = reach(page.getGroupId(), leadFirst ? level - 1 : level, EngineClock.now());
        List<Notification> sent = notifications.sendPage(page.getId(), page.getIncidentId(), reach.people(),
                new NotificationContent.Paged(page.getSummary(), page.getGroupId(), level));
        events.publishEvent(new PageRecorded(page.getIncidentId(), TimelineEventType.PAGED, "Level " + level + " of "
                + page.getLevelCount() + " of " + page.getGroupId() + " paged" + reach.how() + ": " + sent.stream()
                .map(m -> m.getRecipient() + " (" + m.getChannel().code() + ")").collect(Collectors.joining(", ")), level));
        return page.levelsLeft();
    }

    /** Whom a level reaches, and how, when it is not the level's own on-call person (for the timeline). */
    private record Reach(List<Person> people, String how) {
    }

    /** @param groupLevel the group's escalation level; 0 is its lead (a page that asks for the lead first) */
    private Reach reach(String group, int groupLevel, Instant at) {
        if (groupLevel == 0) {
            Optional<Person> lead = onCall.namedLead(group);
            if (lead.isPresent()) {
                return new Reach(List.of(lead.get()), " (its lead)");
            }
            // the lead left the on-call file during the page
            return reach(group, 1, at);
        }
        List<Person> level = onCall.pageLevel(group, groupLevel, at);
        if (!level.isEmpty()) {
            return new Reach(level, "");
        }
        return onCall.namedLead(group).map(lead -> new Reach(List.of(lead), " (nobody on call and no members: its lead)"))
                .orElseThrow(() -> new IllegalStateException("Nobody to page at level " + groupLevel + " of group "
                        + group + ": nobody on call (on-call file), no members in Camunda and no lead"));
    }

    public void recordUnacknowledged(String pageId) {
        Page page = get(pageId);
        page.unacknowledged();
        events.publishEvent(new PageRecorded(page.getIncidentId(), TimelineEventType.PAGE_UNACKNOWLEDGED, "Nobody of "
                + page.getGroupId() + " acknowledged after " + page.getLevelCount() + " levels, "
                + page.getAckTimeout() + " each", 0));
    }

    /** The recipient of a paged message acknowledges through the message's link (the token is checked by the caller). */
    public Acknowledgement acknowledgeMessage(String messageKey) {
        Notification message = messages.findByMessageKey(messageKey).filter(m -> m.getPageId() != null)
                .orElseThrow(() -> new NotFoundException("paged message", messageKey));
        return acknowledge(get(message.getPageId()), message.getRecipient(), "link");
    }

    /** Someone acknowledges through the API; who may is checked there ({@link PageController#acknowledge}). */
    public Acknowledgement acknowledgeAs(String pageId, CurrentUser user) {
        return acknowledge(get(pageId), user.userId(), "api");
    }

    private Acknowledgement acknowledge(Page page, String by, String via) {
        if (page.isAcknowledged()) {
            return new Acknowledgement(page, false);
        }
        boolean waiting = page.getState() == PageState.OPEN;
        Instant now = EngineClock.now();
        page.acknowledge(by, via, now);
        messages.acknowledgePage(page.getId(), by, now);
        events.publishEvent(new PageRecorded(page.getIncidentId(), TimelineEventType.PAGE_ACKNOWLEDGED, by + " acknowledged the page of "
                + page.getGroupId() + " (" + via + ")" + (waiting ? "" : ", after every level had been paged"), 0));
        if (waiting) {
            Map<String, Object> acknowledgement = new HashMap<>();
            ACKNOWLEDGED.putInto(acknowledgement, true);
            ACKNOWLEDGED_BY.putInto(acknowledgement, by);
            ACKNOWLEDGED_AT.putInto(acknowledgement, Date.from(now));
            engine.correlateToInstance(page.getProcessInstanceId(), MESSAGE_ACKNOWLEDGED, acknowledgement);
        }
        return new Acknowledgement(page, true);
    }

    @Transactional(readOnly = true)
    public Page get(String pageId) {
        return pages.findById(pageId).orElseThrow(() -> new NotFoundException("page", pageId));
    }

    @Transactional(readOnly = true)
    public List<Page> ofIncident(String incidentId) {
        return pages.findByIncidentIdOrderByOpenedAtAscIdAsc(incidentId);
    }

    @Transactional(readOnly = true)
    public Notification message(String messageKey) {
        return messages.findByMessageKey(messageKey).orElseThrow(() -> new NotFoundException("message", messageKey));
    }
}
