package jp.iinj.memberregistry.people;

import java.util.List;

/** An organisation's people: the owner first, then staff in the order they joined. People who left are not listed. */
public record OrganisationPeopleResponse(String organisationId, List<PersonResponse> people) {
}
