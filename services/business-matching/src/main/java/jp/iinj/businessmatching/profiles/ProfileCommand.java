package jp.iinj.businessmatching.profiles;

import java.util.List;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.eventing.outbox.OutboxEntry;

/**
 * One change of an existing profile that a caller asks for: what it changes and which events it emits. Who may ask is
 * decided before, by {@link ProfileChanges} with {@link ProfileAccess}; the change itself never looks at a caller.
 */
public interface ProfileCommand {

    PartneringProfile apply(PartneringProfile profile, MatchingMember owner, ProfileActor by);

    List<OutboxEntry> events(PartneringProfile changed, MatchingMember owner, MatchingEvents events,
                             String correlationId);
}
