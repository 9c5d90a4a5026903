package jp.iinj.contracts.notifications;

import java.time.Instant;

/**
 * A service asks for people to be told something, in the portal and by e-mail. It names whom by a member, a bureau or a
 * person's subject, never by an address: identity owns the addresses and languages and sends the mail, so no other
 * service copies them. Internal: read by identity only.
 *
 * @param recipientMemberId all people of this member organisation, or null
 * @param recipientBureau   the regional-body people of this bureau, or null
 * @param recipientSubject  one person (e.g. a coordinator), or null; exactly one of the three is set
 * @param kind              kebab-case code of what happened (e.g. {@code match-proposed}); identity words the mail
 *                          per kind and language, and words a kind it does not know yet generically
 * @param link              the portal path the mail points to, e.g. {@code /matching/proposals/p-123}
 */
public record NotificationRequestedV1(
        String notificationId,
        String recipientMemberId,
        String recipientBureau,
        String recipientSubject,
        String kind,
        String link,
        Instant requestedAt) {
}
