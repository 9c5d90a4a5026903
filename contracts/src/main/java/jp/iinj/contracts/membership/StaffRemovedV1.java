package jp.iinj.contracts.membership;

import java.time.Instant;

/**
 * The organisation's owner or an administrator removed a person from the organisation in the member registry.
 * Internal: the identity service takes the organisation from the person's account and confirms with
 * {@code person-left-member}.
 *
 * @param subject the person's account id at the identity service (the {@code sub} of their tokens)
 */
public record StaffRemovedV1(
        String memberId,
        String subject,
        Instant removedAt) {
}
