package jp.iinj.memberregistry.profile;

import java.time.Instant;
import java.util.List;

import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationAccess.Who;
import jp.iinj.memberregistry.commands.OrganisationCommand;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationProfile;

/** Replaces the whole profile (checked already) in any status; member-profile-updated carries its public fields. */
record UpdateProfile(OrganisationProfile profile) implements OrganisationCommand {

    private static final OrganisationAccess OWN_PEOPLE = new OrganisationAccess(Who.OWN_PEOPLE,
            "Only the organisation's own people or an administrator change its profile.");

    @Override
    public OrganisationAccess whoMay() {
        return OWN_PEOPLE;
    }

    @Override
    public Organisation apply(Organisation organisation, Instant now) {
        return organisation.withProfile(profile, now);
    }

    @Override
    public List<OutboxEntry> events(Organisation changed, MemberEvents events, String correlationId) {
        return List.of(events.profileUpdated(changed, correlationId));
    }
}
