package io.incidentflow.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One notification attempt: to whom, over which channel, with which template, and how it went. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private String incidentId;
    private String recipient;
    private String channel;
    private String template;
    private String subject;
    private String body;
    private String status;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Notification() {
    }

    Notification(String incidentId, String recipient, String channel, String template, String subject,
                 String body, String status, Instant createdAt) {
        this.incidentId = incidentId;
        this.recipient = recipient;
        this.channel = channel;
        this.template = template;
        this.subject = subject;
        this.body = body;
        this.status = status;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getIncidentId() { return incidentId; }
    public String getRecipient() { return recipient; }
    public String getChannel() { return channel; }
    public String getTemplate() { return template; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
