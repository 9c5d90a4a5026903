package jp.iinj.businessmatching.profiles;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;

import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.httpapi.core.conditional.RevisionTag;

/**
 * A profile as its own side sees it: the member's people, the coordinators and regional bodies of its bureau,
 * administrators. Says who drafted and who published it, so a member sees what a coordinator did in its name.
 */
public record ProfileResponse(
        String id,
        String memberId,
        ProfileType type,
        ProfileStatus status,
        ProfileContent content,
        ProfileActor createdBy,
        ProfileActor publishedBy,
        ProfileActor withdrawnBy,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        LocalDate expiresOn,
        long revision) {

    public static ProfileResponse of(PartneringProfile profile) {
        return new ProfileResponse(profile.id(), profile.ownerMemberId(), profile.type(), profile.status(),
                profile.content(), profile.createdBy(), profile.publishedBy(), profile.withdrawnBy(),
                profile.createdAt(), profile.updatedAt(), profile.publishedAt(), profile.expiresOn(),
                profile.revision());
    }

    public static ResponseEntity<ProfileResponse> okWithETag(PartneringProfile profile) {
        return ResponseEntity.ok().eTag(RevisionTag.of(profile.revision())).body(of(profile));
    }
}
