package jp.iinj.memberregistry.organisation;

/** Someone to contact at the organisation. Personal data: shown only to the organisation, its approvers and administrators. */
public record ContactPerson(String name, String department, String email, String phone) {
}
