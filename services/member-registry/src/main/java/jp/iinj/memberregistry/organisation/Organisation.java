package jp.iinj.memberregistry.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;

/**
 * A member organisation, the registry's aggregate. Its document also carries the outbox of its events (written by
 * the eventing library, never mapped here). Every change goes through a method below, which returns the next
 * version with {@code revision + 1}; stores guard updates with the revision they read.
 *
 * @param corporateNumber         unique among organisations that have one
 * @param noCorporateNumberReason why there is none (sole proprietor, voluntary association…); then
 *                                {@code duplicateReview} may flag it
 * @param normalisedName          {@link OrganisationNames#normalised} of the legal name: duplicate checks and search
 * @param owner                   the person who registered: personal data
 * @param registrationKey         the {@code Idempotency-Key} of the registration, with the fingerprint of its request
 */
@Document(Organisation.COLLECTION)
@CompoundIndex(name = "duplicate_candidates", def = "{'normalisedName': 1, 'profile.prefectureCode': 1}")
@CompoundIndex(name = "lapse_due", def = "{'membership.status': 1, 'membership.expiresOn': 1}")
public record Organisation(
        @Id String id,
        OrganisationProfile profile,
        @Indexed(unique = true, sparse = true) String corporateNumber,
        NoCorporateNumberReason noCorporateNumberReason,
        String normalisedName,
        OrganisationOwner owner,
        Membership membership,
        DuplicateReview duplicateReview,
        RegistrationKey registrationKey,
        Instant updatedAt,
        long revision) {

    public static final String COLLECTION = "organisations";

    /** The idempotency key of a registration and a fingerprint of what was sent with it. */
    public record RegistrationKey(@Indexed(unique = true, sparse = true) String key, String requestFingerprint) {
    }

    public static Organisation registered(String id, OrganisationProfile profile, String corporateNumber,
                                          NoCorporateNumberReason noCorporateNumberReason, OrganisationOwner owner,
                                          Membership membership, DuplicateReview duplicateReview,
                                          RegistrationKey registrationKey, Instant now) {
        return new Organisation(id, profile, corporateNumber, noCorporateNumberReason,
                OrganisationNames.normalised(profile.legalName()), owner, membership, duplicateReview, registrationKey,
                now, 0);
    }

    public Organisation withMembership(Membership next, Instant now) {
        return new Organisation(id, profile, corporateNumber, noCorporateNumberReason, normalisedName, owner, next,
                duplicateReview, registrationKey, now, revision + 1);
    }

    public Organisation withProfile(OrganisationProfile next, Instant now) {
        return new Organisation(id, next, corporateNumber, noCorporateNumberReason,
                OrganisationNames.normalised(next.legalName()), owner, membership, duplicateReview, registrationKey,
                now, revision + 1);
    }

    public Organisation withDuplicateReview(DuplicateReview next, Instant now) {
        return new Organisation(id, profile, corporateNumber, noCorporateNumberReason, normalisedName, owner,
                membership, next, registrationKey, now, revision + 1);
    }

    public String bureau() {
        return profile.bureau();
    }

    public String prefectureCode() {
        return profile.prefectureCode();
    }

    public MembershipStatus status() {
        return membership.status();
    }

    public boolean flaggedAsPossibleDuplicate() {
        return duplicateReview != null && duplicateReview.open();
    }

    /** The organisation's own people, the regional bodies and coordinators of its bureau, and administrators. */
    public boolean visibleTo(PlatformPrincipal caller) {
        return caller.actsFor(id) || caller.covers(bureau()) || caller.has(PlatformRole.ADMIN);
    }

    /**
     * Who may see its personal data (owner, contact persons, address, reason notes): the organisation itself, its
     * approvers and administrators (APPI: coordinators get the organisation, not its people).
     */
    public boolean personalDataVisibleTo(PlatformPrincipal caller) {
        return caller.actsFor(id) || approvableBy(caller);
    }

    /** A regional body of its bureau, or an administrator: approves, rejects, suspends, reinstates. */
    public boolean approvableBy(PlatformPrincipal caller) {
        return caller.has(PlatformRole.ADMIN)
                || (caller.has(PlatformRole.REGIONAL_BODY) && caller.bureaus().contains(bureau()));
    }

    /** Its own people (and administrators) edit its profile, renew and withdraw. */
    public boolean managedBy(PlatformPrincipal caller) {
        return caller.actsFor(id) || caller.has(PlatformRole.ADMIN);
    }
}
