package jp.iinj.contracts.identity;

import java.time.Instant;

/**
 * A person no longer acts for a member organisation: the identity service took the organisation from their account,
 * so tokens issued from now on do not carry it.
 *
 * @param reason why, e.g. {@link #REMOVED_BY_ORGANISATION}; a string, so that reasons can be added without a new
 *               version: treat unknown ones as plain leaving
 */
public record PersonLeftMemberV1(
        String memberId,
        String subject,
        Instant leftAt,
        String reason) {

    /** The member registry asked for it ({@code staff-removed}): the owner or an administrator removed the person. */
    public static final String REMOVED_BY_ORGANISATION = "REMOVED_BY_ORGANISATION";
}
