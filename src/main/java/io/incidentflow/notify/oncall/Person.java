package io.incidentflow.notify.oncall;

import io.incidentflow.notify.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Someone IncidentFlow can notify: a responder, a group lead, or a distribution list of an audience.
 * The id is the person's Camunda user id where there is one, so an acknowledgement through the API
 * is recognised as theirs.
 */
@Entity
@Table(name = "notify_person")
public class Person {

    @Id
    private String id;
    private String name;
    private String email;
    private String phone;
    private String chat;

    protected Person() {
    }

    public Person(String id, String name, String email, String phone, String chat) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.chat = chat;
    }

    /** Where this person receives messages of the channel, or null when they have no address there. */
    public String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case CHAT -> chat;
            case OUTBOX -> id;
        };
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getChat() { return chat; }
}
