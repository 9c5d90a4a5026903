package jp.iinj.businessmatching.profiles;

import java.time.Instant;
import java.util.List;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.businessmatching.settings.PartneringSettings;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.problems.ProblemException;

/** The profile's lifecycle, one command per step: what it changes and what it publishes. */
final class ProfileCommands {

    private ProfileCommands() {
    }

    /** A draft's content replaced; drafts are private, so nothing is published. */
    record Edit(ProfileInput input) implements ProfileCommand {
        @Override
        public PartneringProfile apply(PartneringProfile profile, MatchingMember owner, ProfileActor by) {
            return profile.edited(ProfileRules.draft(profile.type(), input), by.at());
        }

        @Override
        public List<OutboxEntry> events(PartneringProfile changed, MatchingMember owner, MatchingEvents events,
                                        String correlationId) {
            return List.of();
        }
    }

    /** Draft → published for one term; matching starts from the published event. */
    record Publish(PartneringSettings settings) implements ProfileCommand {
        @Override
        public PartneringProfile apply(PartneringProfile profile, MatchingMember owner, ProfileActor by) {
            refuseTypeNotAllowed(settings, owner, profile.type());
            ProfileRules.readyToPublish(profile.type(), profile.content());
            return profile.published(by, settings.profileTerm());
        }

        @Override
        public List<OutboxEntry> events(PartneringProfile changed, MatchingMember owner, MatchingEvents events,
                                        String correlationId) {
            return List.of(events.profilePublished(changed, owner, correlationId));
        }
    }

    /** Another term from today, for a published or expired profile; it is matched again. */
    record Renew(PartneringSettings settings) implements ProfileCommand {
        @Override
        public PartneringProfile apply(PartneringProfile profile, MatchingMember owner, ProfileActor by) {
            refuseTypeNotAllowed(settings, owner, profile.type());
            return profile.renewed(by, settings.profileTerm());
        }

        @Override
        public List<OutboxEntry> events(PartneringProfile changed, MatchingMember owner, MatchingEvents events,
                                        String correlationId) {
            return List.of(events.profileRenewed(changed, owner, correlationId));
        }
    }

    /** Taken out of the database for good; a draft simply goes away from the owner's list of drafts. */
    record Withdraw() implements ProfileCommand {
        @Override
        public PartneringProfile apply(PartneringProfile profile, MatchingMember owner, ProfileActor by) {
            return profile.withdrawn(by);
        }

        @Override
        public List<OutboxEntry> events(PartneringProfile changed, MatchingMember owner, MatchingEvents events,
                                        String correlationId) {
            // a draft was never public: withdrawing it tells nobody
            return changed.publishedAt() == null ? List.of()
                    : List.of(events.profileWithdrawn(changed, owner, correlationId));
        }
    }

    /** Past its last day without renewal: the expiry job's change. */
    record Expire(Instant now) implements ProfileCommand {
        @Override
        public PartneringProfile apply(PartneringProfile profile, MatchingMember owner, ProfileActor by) {
            return profile.expired(now);
        }

        @Override
        public List<OutboxEntry> events(PartneringProfile changed, MatchingMember owner, MatchingEvents events,
                                        String correlationId) {
            return List.of(events.profileExpired(changed, owner));
        }
    }

    static void refuseTypeNotAllowed(PartneringSettings settings, MatchingMember owner, ProfileType type) {
        if (!settings.mayPublish(owner.organisationType(), type)) {
            throw ProblemException.forbidden("A " + owner.organisationType() + " may not publish a " + type
                    + " profile in this network.");
        }
    }
}
