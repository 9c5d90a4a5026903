package jp.iinj.businessmatching.searchindex;

import java.util.LinkedHashSet;
import java.util.Set;

import jp.iinj.businessmatching.engine.LocalizedText;
import jp.iinj.businessmatching.engine.MatchableProfile;
import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileContent;

/** What the engine knows of a stored profile: its content and the few facts about its owner that matching weighs. */
final class MatchableProfiles {

    private MatchableProfiles() {
    }

    static MatchableProfile of(PartneringProfile profile, MatchingMember owner) {
        ProfileContent content = profile.content();
        return new MatchableProfile(profile.id(), profile.ownerMemberId(), profile.type(), owner.organisationType(),
                owner.typology(), owner.bureau(), text(content.title()), text(content.summary()),
                text(content.description()),
                text(profile.type().isOffer() ? content.advantages() : content.specification()),
                content.keywords(), Set.copyOf(content.technologyFields()),
                Set.copyOf(content.jsicCodes().stream().map(code -> code.code()).toList()), content.stage(),
                content.ipStatus(), Set.copyOf(content.partnershipTypes()), Set.copyOf(content.partnerTypesSought()),
                new LinkedHashSet<>(content.targetRegions()));
    }

    private static LocalizedText text(jp.iinj.businessmatching.profiles.LocalizedText text) {
        return text == null ? null : new LocalizedText(text.ja(), text.en());
    }

}
