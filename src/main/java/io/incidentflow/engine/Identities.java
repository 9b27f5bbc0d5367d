package io.incidentflow.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people the engine knows (Camunda users and their groups), read for features that name or notify them. Queries
 * run with the caller's engine authorizations, as they would on the identity service itself. Managing users and
 * groups is security's part, not this one's.
 */
@Component
public class Identities {

    /** A Camunda user as features need one: id, the name to show (the id when the profile has none) and email. */
    public record EngineUser(String id, String displayName, String email) {

        static EngineUser of(User user) {
            String name = Stream.of(user.getFirstName(), user.getLastName()).filter(s -> s != null && !s.isBlank())
                    .reduce((a, b) -> a + " " + b).orElse("");
            return new EngineUser(user.getId(), name.isBlank() ? user.getId() : name, user.getEmail());
        }
    }

    private final IdentityService identityService;

    public Identities(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    public Optional<EngineUser> user(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult()).map(EngineUser::of);
    }

    /** The ids of the group's members, in id order. */
    public List<String> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
    }
}
