package jp.iinj.businessmatching.notifications;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in a member's portal inbox: the same request identity mails out, kept here for the portal.
 *
 * @param id the notification id, so a redelivered request is stored once
 */
@Document(InboxEntry.COLLECTION)
@CompoundIndex(name = "member_inbox", def = "{'memberId': 1, 'at': -1}")
public record InboxEntry(@Id String id, String memberId, String kind, String link, Instant at, Instant readAt) {

    public static final String COLLECTION = "inbox";
}
