package io.incidentflow.notify.page;

import io.incidentflow.notify.NotificationEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One escalation of {@code processes/page-responder.bpmn}: a group paged level by level until someone
 * acknowledges. An acknowledgement after the last level ran out is still recorded (late), but the state
 * stays {@link PageState#UNACKNOWLEDGED}: the calling process was already told nobody answered.
 */
@Entity
@Table(name = "page")
public class Page {

    @Id
    private String id;
    @Column(name = "incident_id")
    private String incidentId;
    @Column(name = "group_id")
    private String groupId;
    private String event;
    private String summary;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "ack_timeout")
    private String ackTimeout;
    @Column(name = "level_count")
    private int levelCount;
    @Column(name = "paged_level")
    private int pagedLevel;
    @Enumerated(EnumType.STRING)
    private PageState state;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    private String acknowledgedBy;
    @Column(name = "acknowledged_via")
    private String acknowledgedVia;
    @Version
    private long version;

    protected Page() {
    }

    Page(String id, String incidentId, String groupId, NotificationEvent event, String summary,
         String processInstanceId, Duration ackTimeout, int levelCount, Instant openedAt) {
        this.id = id;
        this.incidentId = incidentId;
        this.groupId = groupId;
        this.event = event.code();
        this.summary = summary;
        this.processInstanceId = processInstanceId;
        this.ackTimeout = ackTimeout.toString();
        this.levelCount = levelCount;
        this.state = PageState.OPEN;
        this.openedAt = openedAt;
    }

    /** @return the level to page now: the next one, the whole group (last level) at most */
    int nextLevel() {
        pagedLevel = Math.min(pagedLevel + 1, levelCount);
        return pagedLevel;
    }

    boolean levelsLeft() {
        return pagedLevel < levelCount;
    }

    void acknowledge(String by, String via, Instant at) {
        acknowledgedBy = by;
        acknowledgedVia = via;
        acknowledgedAt = at;
        if (state == PageState.OPEN) {
            state = PageState.ACKNOWLEDGED;
        }
    }

    void unacknowledged() {
        state = PageState.UNACKNOWLEDGED;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public String getId() { return id; }
    public String getIncidentId() { return incidentId; }
    public String getGroupId() { return groupId; }
    public String getEvent() { return event; }
    public String getSummary() { return summary; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getAckTimeout() { return ackTimeout; }
    public int getLevelCount() { return levelCount; }
    public int getPagedLevel() { return pagedLevel; }
    public PageState getState() { return state; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public String getAcknowledgedVia() { return acknowledgedVia; }
}
