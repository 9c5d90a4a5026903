package jp.iinj.businessmatching.engine;

import java.util.Set;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;

/**
 * A search of published profiles: keywords in Japanese or English (concepts of the glossary found in them count too),
 * and filters; every filter is optional.
 *
 * @param ownerBureau  profiles of members of this bureau
 * @param targetRegion profiles that target this bureau (or nationwide), or {@code international}
 * @param after        the cursor of the previous page, or null for the first
 */
public record ProfileSearch(
        String keywords,
        Set<ProfileType> types,
        Set<String> technologyFields,
        String ownerBureau,
        String targetRegion,
        DevelopmentStage stage,
        PartnershipType partnershipType,
        String after,
        int size) {

    public ProfileSearch {
        types = types == null ? Set.of() : Set.copyOf(types);
        technologyFields = technologyFields == null ? Set.of() : Set.copyOf(technologyFields);
    }
}
