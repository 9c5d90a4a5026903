package jp.iinj.businessmatching.engine.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.iinj.businessmatching.engine.LocalizedText;
import jp.iinj.businessmatching.engine.MatchableProfile;
import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching evaluation set ({@code evaluation/matching-pairs.v1.json}): offer/request pairs that describe the same
 * need in different words, by kind of gap, and distractors that answer none of them.
 */
record EvaluationSet(int version, List<Pair> pairs, List<Distractor> distractors) {

    static final String RESOURCE = "/evaluation/matching-pairs.v1.json";

    enum Category { EASY, SYNONYM, CROSS_SCRIPT, CROSS_LANGUAGE, JARGON }

    record Pair(String id, Category category, String note, Side request, Side offer) {
    }

    record Distractor(String id, Side profile) {
    }

    record Text(String ja, String en) {
        LocalizedText localized() {
            return new LocalizedText(blank(ja), blank(en));
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    record Side(ProfileType type, OrganisationType organisationType, TargetTypology typology, String bureau, Text title,
                Text summary, Text description, Text advantages, Text specification, List<String> keywords,
                List<String> technologyFields, List<String> jsicCodes, DevelopmentStage stage, IpStatus ipStatus,
                List<PartnershipType> partnershipTypes, List<OrganisationType> partnerTypesSought,
                List<String> targetRegions) {

        MatchableProfile matchable(String id) {
            Text more = type.isOffer() ? advantages : specification;
            return new MatchableProfile(id, "owner-" + id, type, organisationType, typology, bureau, text(title),
                    text(summary), text(description), text(more), keywords, set(technologyFields), set(jsicCodes),
                    stage, ipStatus, set(partnershipTypes), set(partnerTypesSought), set(targetRegions));
        }

        private static LocalizedText text(Text text) {
            return text == null ? null : text.localized();
        }

        private static <T> Set<T> set(List<T> values) {
            return values == null ? Set.of() : new HashSet<>(values);
        }
    }

    static EvaluationSet load() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            return json.readValue(in, EvaluationSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every profile of the set, pairs' sides and distractors, as the engine indexes them. */
    List<MatchableProfile> allProfiles() {
        List<MatchableProfile> all = new ArrayList<>();
        for (Pair pair : pairs) {
            all.add(pair.request().matchable(requestId(pair)));
            all.add(pair.offer().matchable(offerId(pair)));
        }
        for (Distractor distractor : distractors) {
            all.add(distractor.profile().matchable(distractor.id()));
        }
        return all;
    }

    static String requestId(Pair pair) {
        return pair.id() + "-request";
    }

    static String offerId(Pair pair) {
        return pair.id() + "-offer";
    }
}
