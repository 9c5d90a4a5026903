package jp.iinj.memberregistry.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jp.iinj.contracts.membership.PublicMemberProfile;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.conditional.RevisionTag;

/**
 * An organisation as the API shows it: the public profile's fields at the top level, beside its own. Personal data ({@code address}, {@code contacts}, {@code owner},
 * {@code statusNote}) and the duplicate review are {@code null} for callers who may see the organisation but not
 * its people (coordinators of its bureau).
 */
public record OrganisationResponse(
        String id,
        String corporateNumber,
        NoCorporateNumberReason noCorporateNumberReason,
        @JsonUnwrapped PublicMemberProfile profile,
        String address,
        List<ContactResponse> contacts,
        OwnerResponse owner,
        MembershipStatus status,
        Instant registeredAt,
        Instant approvedAt,
        LocalDate expiresOn,
        Instant statusChangedAt,
        String statusReason,
        String statusNote,
        List<String> possibleDuplicateOf,
        Instant updatedAt) {

    /** Personal data. */
    public record OwnerResponse(String displayName, String email) {
    }

    /** Personal data. */
    public record ContactResponse(String name, String department, String email, String phone) {
    }

    /** For whoever just registered it: what they sent, but nothing about other organisations (duplicate candidates). */
    public static OrganisationResponse forRegistrant(Organisation organisation) {
        return of(organisation, true, false);
    }

    /** 200 with the organisation as {@code caller} may see it and its ETag, for the next conditional update. */
    public static ResponseEntity<OrganisationResponse> okWithETag(Organisation organisation, PlatformPrincipal caller) {
        return ResponseEntity.ok().eTag(RevisionTag.of(organisation.revision())).body(of(organisation, caller));
    }

    /** As {@code caller} may see it; the caller must be allowed to see the organisation at all. */
    public static OrganisationResponse of(Organisation organisation, PlatformPrincipal caller) {
        return of(organisation, organisation.personalDataVisibleTo(caller), organisation.approvableBy(caller));
    }

    private static OrganisationResponse of(Organisation organisation, boolean personal, boolean reviewer) {
        OrganisationProfile profile = organisation.profile();
        Membership membership = organisation.membership();
        DuplicateReview review = organisation.duplicateReview();
        return new OrganisationResponse(organisation.id(), organisation.corporateNumber(),
                organisation.noCorporateNumberReason(), profile.publicProfile(), personal ? profile.address() : null,
                personal ? profile.contacts().stream()
                        .map(c -> new ContactResponse(c.name(), c.department(), c.email(), c.phone())).toList() : null,
                personal && organisation.owner() != null
                        ? new OwnerResponse(organisation.owner().displayName(), organisation.owner().email()) : null,
                membership.status(), membership.registeredAt(), membership.approvedAt(), membership.expiresOn(),
                membership.statusChangedAt(), membership.reasonCode(), personal ? membership.reasonNote() : null,
                reviewer && review != null && review.open() ? review.candidateIds() : null,
                organisation.updatedAt());
    }
}
