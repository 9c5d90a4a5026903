package jp.iinj.contracts.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.iinj.contracts.membership.JsicCode;

/**
 * A partnering profile was published (draft → published). Public: ids, types, regions and technology fields only;
 * not the owner, nor any text, so the profile stays anonymous.
 *
 * @param bureau                the owner's bureau
 * @param targetRegions         bureau ids, {@code nationwide} or {@code international}
 * @param actedByCoordinator    a coordinator of the member's bureau published it for the member
 */
public record ProfilePublishedV1(
        String profileId,
        ProfileType profileType,
        String prefectureCode,
        String bureau,
        List<String> technologyFields,
        List<JsicCode> jsicCodes,
        List<String> targetRegions,
        boolean actedByCoordinator,
        Instant publishedAt,
        LocalDate expiresOn) {
}
