package jp.iinj.businessmatching.profiles;

import java.time.Instant;

/**
 * Who did something to a profile: one of the member's people, or a coordinator of its bureau acting for it (needs are
 * often collected face to face). Shown to the member; never published.
 */
public record ProfileActor(String subject, Role role, Instant at) {

    public enum Role {
        MEMBER,
        COORDINATOR,
        ADMINISTRATOR
    }
}
