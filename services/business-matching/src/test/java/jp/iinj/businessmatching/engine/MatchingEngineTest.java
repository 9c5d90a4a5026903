package jp.iinj.businessmatching.engine;

import static jp.iinj.businessmatching.engine.TestProfiles.GLOSSARY;
import static jp.iinj.businessmatching.engine.TestProfiles.offer;
import static jp.iinj.businessmatching.engine.TestProfiles.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.OrganisationType;

class MatchingEngineTest {

    private final MatchingEngine engine = MatchingEngine.inMemory(GLOSSARY, MatchingSettings.defaults().withThreshold(0));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aNeedForMetalProcessingFindsAnOfferOfPrecisionCuttingThoughTheyShareNoWord() {
        engine.upsert(offer("cutting", "o1", "アルミ部品の精密切削を請け負います", null, Set.of("metal-processing")));
        engine.upsert(offer("bakery", "o2", "パンの製造を請け負います", null, Set.of("food-agriculture")));
        var need = request("need", "r1", "金属加工をお願いできる会社を探しています", null, Set.of("machinery"));

        List<Proposal> proposals = engine.proposalsFor(need);

        assertThat(proposals).extracting(Proposal::counterpartId).first().isEqualTo("cutting");
        assertThat(proposals.get(0).explanation().contributions())
                .anySatisfy(line -> {
                    assertThat(line.kind()).isEqualTo(Contribution.Kind.CONCEPT);
                    assertThat(line.label()).contains("metal");
                });
    }

    @Test
    void japaneseMeetsEnglishThroughTheGlossary() {
        engine.upsert(offer("en-offer", "o1", null, "We offer precision machining of titanium parts.",
                Set.of("metal-processing")));
        engine.upsert(offer("en-other", "o2", null, "We bake bread for hotels.", Set.of("food-agriculture")));

        List<Proposal> proposals = engine.proposalsFor(request("ja-need", "r1", "チタン部品の精密加工先を探しています",
                null, Set.of("aerospace")));

        assertThat(proposals).extracting(Proposal::counterpartId).first().isEqualTo("en-offer");
    }

    @Test
    void kanjiKanaAndWidthVariantsAreTheSameWord() {
        engine.upsert(offer("screws", "o1", "特殊な螺子を小ロットで製造", null, Set.of()));
        engine.upsert(offer("robots", "o2", "ﾛﾎﾞｯﾄの制御ソフト ＡＩ", null, Set.of()));

        assertThat(engine.rank(request("r-screws", "r1", "ネジを少量つくってほしい", null, Set.of()), 10))
                .extracting(Proposal::counterpartId).first().isEqualTo("screws");
        assertThat(engine.rank(request("r-robots", "r1", "ロボット制御にAIを使いたい", null, Set.of()), 10))
                .extracting(Proposal::counterpartId).first().isEqualTo("robots");
    }

    @Test
    void theExplanationAddsUpToTheScore() {
        engine.upsert(offer("cutting", "o1", "アルミ部品の精密切削と金属加工", "Precision machining", Set.of("metal-processing")));
        var need = request("need", "r1", "金属加工と切削の協力先", "machining partner", Set.of("metal-processing"));

        Proposal proposal = engine.proposalsFor(need).get(0);

        double sum = proposal.explanation().contributions().stream().mapToDouble(Contribution::points).sum();
        assertThat(proposal.score()).isEqualTo(proposal.explanation().score());
        assertThat(sum).isCloseTo(proposal.score(), within(1e-9));
        assertThat(proposal.score()).isBetween(0.0, 100.0);
        assertThat(proposal.explanation().contributions()).extracting(Contribution::kind)
                .contains(Contribution.Kind.TERM, Contribution.Kind.CONCEPT, Contribution.Kind.TECHNOLOGY_FIELD,
                        Contribution.Kind.REGION, Contribution.Kind.STAGE_AND_IP);
    }

    @Test
    void onlyCounterpartsOfOtherOwnersAreProposed() {
        engine.upsert(offer("mine", "same-owner", "精密切削", null, Set.of("metal-processing")));
        engine.upsert(request("another-request", "o2", "精密切削", null, Set.of("metal-processing")));
        engine.upsert(offer("theirs", "o3", "精密切削", null, Set.of("metal-processing")));

        List<Proposal> proposals = engine.proposalsFor(request("need", "same-owner", "精密切削をお願いしたい", null,
                Set.of("metal-processing")));

        assertThat(proposals).extracting(Proposal::counterpartId).containsExactly("theirs");
    }

    @Test
    void atMostNAboveTheThreshold() {
        try (MatchingEngine strict = MatchingEngine.inMemory(GLOSSARY,
                MatchingSettings.defaults().withMaxProposals(2).withThreshold(10))) {
            for (int i = 0; i < 5; i++) {
                strict.upsert(offer("cut-" + i, "o" + i, "精密切削 加工 " + i, null, Set.of("metal-processing")));
            }
            strict.upsert(offer("unrelated", "ox", "観光案内", null, Set.of("services-design")));
            List<Proposal> proposals = strict.proposalsFor(request("need", "r", "精密切削", null, Set.of("metal-processing")));
            assertThat(proposals).hasSize(2).allSatisfy(p -> assertThat(p.score()).isGreaterThanOrEqualTo(10));
        }
    }

    @Test
    void upsertReplacesRemoveRemovesAndARebuildGivesTheSameProposals() {
        List<MatchableProfile> all = new ArrayList<>();
        all.add(offer("a", "o1", "精密切削", null, Set.of("metal-processing")));
        all.add(offer("b", "o2", "鮮度保持の包装", null, Set.of("food-agriculture")));
        all.add(offer("c", "o3", "metal processing", "metal processing", Set.of("metal-processing")));
        all.forEach(engine::upsert);
        engine.upsert(offer("b", "o2", "削り出し加工", null, Set.of("metal-processing")));
        engine.remove("c");
        var need = request("need", "r", "切削加工", null, Set.of("metal-processing"));
        List<Proposal> incremental = engine.proposalsFor(need);
        assertThat(engine.size()).isEqualTo(2);

        try (MatchingEngine rebuilt = MatchingEngine.inMemory(GLOSSARY, MatchingSettings.defaults().withThreshold(0))) {
            rebuilt.rebuild(List.of(all.get(0), offer("b", "o2", "削り出し加工", null, Set.of("metal-processing"))));
            assertThat(rebuilt.proposalsFor(need)).isEqualTo(incremental);
        }
    }

    @Test
    void searchFindsByKeywordsAndConceptsFiltersAndPagesWithoutGapsOrRepeats() {
        for (int i = 0; i < 25; i++) {
            engine.upsert(offer("cut-" + i, "o" + i, "精密切削 部品 " + i, null, Set.of("metal-processing")));
        }
        engine.upsert(request("req", "r", "精密切削 探しています", null, Set.of("metal-processing")));
        engine.upsert(offer("bread", "b", "パン", null, Set.of("food-agriculture")));

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchPage page = engine.search(new ProfileSearch("precision machining", Set.of(ProfileType.TECHNOLOGY_OFFER),
                    Set.of(), null, null, null, null, cursor, 10), owner -> !owner.equals("o3"));
            page.hits().forEach(hit -> assertThat(seen.add(hit.profileId())).isTrue());
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(24).doesNotContain("cut-3", "req", "bread");
    }

    @Test
    void aResearchSeedForAnSmeNeedScoresTheTypologyFactor() {
        engine.upsert(TestProfiles.profile("uni", "u", ProfileType.TECHNOLOGY_OFFER, OrganisationType.UNIVERSITY,
                "精密切削の新手法", null, Set.of("metal-processing")));
        Proposal proposal = engine.proposalsFor(request("need", "r", "精密切削", null, Set.of("metal-processing"))).get(0);
        assertThat(proposal.explanation().contributions()).anySatisfy(line ->
                assertThat(line.label()).contains("research seed for a small firm"));
    }
}
