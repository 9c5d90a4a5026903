package jp.iinj.businessmatching.engine;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.matching.TechnicalGlossary;
import jp.iinj.contracts.membership.OrganisationType;

/** Small profiles and a small glossary for the engine's tests. */
final class TestProfiles {

    static final TechnicalGlossary GLOSSARY = TechnicalGlossary.parse(new StringReader("""
            concept,field,broader,ja,en
            metal-processing,metal-processing,,金属加工|金属の加工,metalworking|metal processing
            machining,metal-processing,metal-processing,機械加工|切削|切削加工|削り出し,machining|cutting
            precision-machining,metal-processing,machining,精密加工|精密切削|微細加工,precision machining|micromachining
            screw,machinery,,ねじ|螺子|ボルト,screw|bolt
            freshness,food-agriculture,,鮮度保持|鮮度を保つ|日持ち,freshness|shelf life
            """), "test glossary");

    private TestProfiles() {
    }

    static MatchableProfile offer(String id, String owner, String ja, String en, Set<String> fields) {
        return profile(id, owner, ProfileType.TECHNOLOGY_OFFER, OrganisationType.SME, ja, en, fields);
    }

    static MatchableProfile request(String id, String owner, String ja, String en, Set<String> fields) {
        return profile(id, owner, ProfileType.TECHNOLOGY_REQUEST, OrganisationType.SME, ja, en, fields);
    }

    static MatchableProfile profile(String id, String owner, ProfileType type, OrganisationType ownerType, String ja,
                                    String en, Set<String> fields) {
        return new MatchableProfile(id, owner, type, ownerType, null, "chubu", new LocalizedText(ja, en),
                new LocalizedText(ja, en), null, null, List.of(), fields, Set.of("E"),
                DevelopmentStage.ON_THE_MARKET, IpStatus.SECRET_KNOW_HOW,
                Set.of(PartnershipType.MANUFACTURING_SUPPLY_OUTSOURCING), Set.of(), Set.of("nationwide"));
    }
}
