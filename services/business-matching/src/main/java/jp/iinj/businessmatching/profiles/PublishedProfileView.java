package jp.iinj.businessmatching.profiles;

import java.time.Instant;
import java.time.LocalDate;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;

/**
 * A published profile as any other member sees it before an interest is accepted: what is offered or sought, and of
 * the owner only the organisation type, size band and bureau. Never the name, website, member id, contacts or who
 * drafted it.
 */
public record PublishedProfileView(
        String id,
        ProfileType type,
        ProfileContent content,
        AnonymousOwner owner,
        Instant publishedAt,
        LocalDate expiresOn) {

    /** All another member learns about the owner before both sides agreed. */
    public record AnonymousOwner(OrganisationType organisationType, EmployeeBand sizeBand, String bureau) {
    }

    public static PublishedProfileView of(PartneringProfile profile, MatchingMember owner) {
        return new PublishedProfileView(profile.id(), profile.type(), profile.content(),
                new AnonymousOwner(owner.organisationType(), owner.employeeBand(), owner.bureau()),
                profile.publishedAt(), profile.expiresOn());
    }
}
