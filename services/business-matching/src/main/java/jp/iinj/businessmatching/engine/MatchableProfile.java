package jp.iinj.businessmatching.engine;

import java.util.List;
import java.util.Set;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * What the engine matches on: a published profile's text and structured facts, and the few facts about its owner
 * that matching weighs (never the owner's name).
 *
 * @param jsicCodes     JSIC revision 14 division letters ({@code E}) or 2–4 digit groups ({@code 24})
 * @param targetRegions bureau ids, {@code nationwide} or {@code international}
 */
public record MatchableProfile(
        String id,
        String ownerMemberId,
        ProfileType type,
        OrganisationType ownerType,
        TargetTypology ownerTypology,
        String ownerBureau,
        LocalizedText title,
        LocalizedText summary,
        LocalizedText description,
        LocalizedText advantagesOrSpecification,
        List<String> keywords,
        Set<String> technologyFields,
        Set<String> jsicCodes,
        DevelopmentStage stage,
        IpStatus ipStatus,
        Set<PartnershipType> partnershipTypes,
        Set<OrganisationType> partnerTypesSought,
        Set<String> targetRegions) {

    public MatchableProfile {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        technologyFields = technologyFields == null ? Set.of() : Set.copyOf(technologyFields);
        jsicCodes = jsicCodes == null ? Set.of() : Set.copyOf(jsicCodes);
        partnershipTypes = partnershipTypes == null ? Set.of() : Set.copyOf(partnershipTypes);
        partnerTypesSought = partnerTypesSought == null ? Set.of() : Set.copyOf(partnerTypesSought);
        targetRegions = targetRegions == null ? Set.of() : Set.copyOf(targetRegions);
    }

    /** All its words: the title twice (it says most in fewest words), then the rest. */
    String allText() {
        StringBuilder text = new StringBuilder();
        for (LocalizedText part : new LocalizedText[] {title, title, summary, description, advantagesOrSpecification}) {
            if (part != null) {
                text.append(part.joined()).append('\n');
            }
        }
        keywords.forEach(keyword -> text.append(keyword).append('\n'));
        return text.toString();
    }
}
