package jp.iinj.memberregistry.people;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.identity.PersonRole;

/**
 * A person of a member organisation, identified by the identity service's subject: one document per
 * (memberId, subject). Personal data (APPI): see {@link PeopleVisibility}. The document also carries the outbox of
 * the {@code staff-removed} event its removal causes (eventing library, never mapped here).
 *
 * @param displayName     null when the account has no name, and once the person left
 * @param email           null once the person left
 * @param identityEventAt time of the last identity event applied; older ones are stale and ignored
 * @param revision        increases with every change; the removal is guarded by it
 */
@Document(OrganisationPerson.COLLECTION)
@CompoundIndex(name = "member_subject_unique", def = "{'memberId': 1, 'subject': 1}", unique = true)
public record OrganisationPerson(
        @Id String id,
        String memberId,
        String subject,
        PersonRole role,
        String displayName,
        String email,
        Instant joinedAt,
        PersonStatus status,
        Instant removalRequestedAt,
        Instant leftAt,
        Instant identityEventAt,
        long revision) {

    public static final String COLLECTION = "organisation_people";

    public OrganisationPerson removalRequested(Instant now) {
        return new OrganisationPerson(id, memberId, subject, role, displayName, email, joinedAt,
                PersonStatus.REMOVAL_REQUESTED, now, leftAt, identityEventAt, revision + 1);
    }

    public boolean isOwner() {
        return role == PersonRole.OWNER;
    }
}
