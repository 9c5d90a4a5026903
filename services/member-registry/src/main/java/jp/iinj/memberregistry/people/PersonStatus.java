package jp.iinj.memberregistry.people;

/** Where a person stands with an organisation, as far as the registry knows. */
public enum PersonStatus {
    /** Acts for the organisation (identity said so: {@code person-joined-member}). */
    ACTIVE,
    /** The owner or an administrator removed them; identity has not confirmed yet. */
    REMOVAL_REQUESTED,
    /** Identity took the organisation from their account ({@code person-left-member}); contact data erased. */
    LEFT
}
