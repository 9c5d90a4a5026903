package jp.iinj.memberregistry.organisation;

/** The person who registered the organisation. Personal data: shown only to the organisation, its approvers and administrators. */
public record OrganisationOwner(String displayName, String email) {
}
