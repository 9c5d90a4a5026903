package jp.iinj.memberregistry.people;

import java.time.Instant;

import jp.iinj.contracts.identity.PersonRole;

/** A person of an organisation as the API shows it. Personal data: only for callers {@link PeopleVisibility} allows. */
public record PersonResponse(
        String subject,
        PersonRole role,
        String displayName,
        String email,
        Instant joinedAt,
        PersonStatus status) {

    public static PersonResponse of(OrganisationPerson person) {
        return new PersonResponse(person.subject(), person.role(), person.displayName(), person.email(),
                person.joinedAt(), person.status());
    }
}
