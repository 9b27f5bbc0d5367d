package io.incidentflow.notify.delivery;

import io.incidentflow.notify.Audience;
import io.incidentflow.notify.oncall.OnCallService;
import io.incidentflow.notify.oncall.Person;
import java.time.Instant;
import java.util.List;

/** Who a notification goes to, and so which audience's template they read. */
public sealed interface Recipients {

    /** Everyone on call for the group now, at every escalation level (the whole group if it has no schedule). */
    static Recipients onCall(String group) {
        return new OnCall(group);
    }

    /** The group's lead (schedule {@code lead}), else whoever is on call at level 1. */
    static Recipients leadOf(String group) {
        return new Lead(group);
    }

    /** The distribution lists of the audience (on-call file, {@code audiences}). */
    static Recipients audience(Audience audience) {
        return new AudienceList(audience);
    }

    /** These people, e.g. one escalation level of a page. */
    static Recipients people(List<Person> people) {
        return new People(List.copyOf(people));
    }

    Audience audience();

    List<Person> resolve(OnCallService onCall, Instant at);

    record OnCall(String group) implements Recipients {
        public Audience audience() { return Audience.TECHNICAL; }
        public List<Person> resolve(OnCallService onCall, Instant at) { return onCall.onCall(group, at); }
    }

    record Lead(String group) implements Recipients {
        public Audience audience() { return Audience.TECHNICAL; }
        public List<Person> resolve(OnCallService onCall, Instant at) { return onCall.lead(group, at); }
    }

    record AudienceList(Audience audience) implements Recipients {
        public List<Person> resolve(OnCallService onCall, Instant at) { return onCall.audience(audience); }
    }

    record People(List<Person> people) implements Recipients {
        public Audience audience() { return Audience.TECHNICAL; }
        public List<Person> resolve(OnCallService onCall, Instant at) { return people; }
    }
}
