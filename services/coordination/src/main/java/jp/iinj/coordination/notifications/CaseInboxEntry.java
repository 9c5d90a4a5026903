package jp.iinj.coordination.notifications;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in the portal's inbox: the same request identity mails out, kept here for the portal. Exactly one
 * recipient is set, as in the request; a bureau's entry is shared by its regional body's people (read by one, read by
 * all of them, like a shared mailbox).
 *
 * @param id the notification id, so a redelivered request is stored once
 */
@Document(CaseInboxEntry.COLLECTION)
public record CaseInboxEntry(@Id String id, @Indexed String recipientSubject, @Indexed String recipientMemberId,
                             @Indexed String recipientBureau, String kind, String link, Instant at, Instant readAt) {

    public static final String COLLECTION = "inbox";
}
