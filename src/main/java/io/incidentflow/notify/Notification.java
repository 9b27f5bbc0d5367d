package io.incidentflow.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message to one person over one channel, and how it went: the notification log that time to
 * acknowledge and time to engage are measured from. {@code messageKey} is its idempotency key.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "message_key")
    private String messageKey;
    @Column(name = "incident_id")
    private String incidentId;
    private String recipient;
    private String address;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String template;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private String subject;
    @Column(name = "short_text")
    private String shortText;
    private String body;
    @Column(name = "page_id")
    private String pageId;
    @Column(name = "page_level")
    private Integer pageLevel;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    protected Notification() {
    }

    public Notification(String messageKey, String incidentId, String recipient, Channel channel, String address,
                 NotificationEvent event, Audience audience, RenderedMessage message, String pageId,
                 Integer pageLevel, Instant createdAt) {
        this.messageKey = messageKey;
        this.incidentId = incidentId;
        this.recipient = recipient;
        this.channel = channel;
        this.address = address;
        this.template = event.code();
        this.audience = audience;
        this.subject = message.subject();
        this.shortText = message.text();
        this.body = message.body();
        this.pageId = pageId;
        this.pageLevel = pageLevel;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = createdAt;
    }

    public void delivered(Instant at) {
        attempts++;
        status = DeliveryStatus.DELIVERED;
        deliveredAt = at;
        failureReason = null;
    }

    public void failed(String reason) {
        attempts++;
        status = DeliveryStatus.FAILED;
        failureReason = reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }

    public Long getId() { return id; }
    public String getMessageKey() { return messageKey; }
    public String getIncidentId() { return incidentId; }
    public String getRecipient() { return recipient; }
    public String getAddress() { return address; }
    public Channel getChannel() { return channel; }
    public String getTemplate() { return template; }
    public Audience getAudience() { return audience; }
    public String getSubject() { return subject; }
    public String getShortText() { return shortText; }
    public String getBody() { return body; }
    public String getPageId() { return pageId; }
    public Integer getPageLevel() { return pageLevel; }
    public DeliveryStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public String getFailureReason() { return failureReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
}
