package jp.iinj.businessmatching.engine.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.iinj.businessmatching.engine.MatchableProfile;
import jp.iinj.businessmatching.engine.MatchingEngine;
import jp.iinj.businessmatching.engine.MatchingSettings;
import jp.iinj.businessmatching.engine.Proposal;
import jp.iinj.businessmatching.engine.evaluation.EvaluationSet.Category;
import jp.iinj.businessmatching.engine.evaluation.EvaluationSet.Pair;
import jp.iinj.contracts.matching.TechnicalGlossary;

/**
 * Measures the platform's ranking against plain BM25 on the evaluation set: for each pair, where the request's own
 * offer lands among all offers, and the offer's own request among all requests (distractors included); hit@1, hit@3
 * and MRR per kind of gap and overall. Run by {@code infra/benchmarks/matching-quality.sh}; the numbers go to
 * {@code infra/benchmarks/results/matching-quality.md}.
 */
public final class MatchingEvaluation {

    /** hit@1, hit@3 and MRR of one ranking over some queries. */
    record Metrics(int queries, double hitAt1, double hitAt3, double mrr) {
        static Metrics of(List<Integer> ranks) {
            int n = ranks.size();
            return new Metrics(n,
                    ranks.stream().filter(rank -> rank == 1).count() / (double) n,
                    ranks.stream().filter(rank -> rank >= 1 && rank <= 3).count() / (double) n,
                    ranks.stream().mapToDouble(rank -> rank >= 1 ? 1.0 / rank : 0).sum() / n);
        }
    }

    /** The platform's and the baseline's metrics, overall and by category. */
    record Report(EvaluationSet set, Map<Category, Metrics> platform, Map<Category, Metrics> baseline,
                  Metrics platformOverall, Metrics baselineOverall) {
    }

    private MatchingEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Report report = run(EvaluationSet.load());
        String markdown = markdown(report);
        System.out.println(markdown);
        if (args.length > 0) {
            Path out = Path.of(args[0]);
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println("written to " + out);
        }
    }

    static Report run(EvaluationSet set) {
        List<MatchableProfile> all = set.allProfiles();
        Map<String, MatchableProfile> byId = new java.util.HashMap<>();
        all.forEach(profile -> byId.put(profile.id(), profile));
        try (MatchingEngine engine = MatchingEngine.inMemory(TechnicalGlossary.current(),
                MatchingSettings.defaults().withThreshold(0))) {
            engine.rebuild(all);
            PlainBm25 baseline = new PlainBm25(all);
            Function<MatchableProfile, List<String>> platformRanking = profile -> engine.rank(profile, all.size())
                    .stream().map(Proposal::counterpartId).toList();
            Map<Category, List<Integer>> platformRanks = ranks(set, byId, platformRanking);
            Map<Category, List<Integer>> baselineRanks = ranks(set, byId, baseline::rank);
            return new Report(set, metrics(platformRanks), metrics(baselineRanks), overall(platformRanks),
                    overall(baselineRanks));
        }
    }

    private static Map<Category, List<Integer>> ranks(EvaluationSet set, Map<String, MatchableProfile> byId,
                                                      Function<MatchableProfile, List<String>> ranking) {
        Map<Category, List<Integer>> ranks = new EnumMap<>(Category.class);
        for (Pair pair : set.pairs()) {
            String request = EvaluationSet.requestId(pair);
            String offer = EvaluationSet.offerId(pair);
            List<Integer> list = ranks.computeIfAbsent(pair.category(), category -> new ArrayList<>());
            list.add(rankOf(ranking.apply(byId.get(request)), offer));
            list.add(rankOf(ranking.apply(byId.get(offer)), request));
        }
        return ranks;
    }

    /** 1-based; 0 when it was not ranked at all. */
    private static int rankOf(List<String> ranked, String wanted) {
        return ranked.indexOf(wanted) + 1;
    }

    private static Map<Category, Metrics> metrics(Map<Category, List<Integer>> ranks) {
        Map<Category, Metrics> metrics = new EnumMap<>(Category.class);
        ranks.forEach((category, list) -> metrics.put(category, Metrics.of(list)));
        return metrics;
    }

    private static Metrics overall(Map<Category, List<Integer>> ranks) {
        return Metrics.of(ranks.values().stream().flatMap(List::stream).toList());
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Matching quality: the platform's ranking against plain BM25\n\n");
        md.append("Measured ").append(LocalDate.now(ZoneId.of("Asia/Tokyo"))).append(" with `infra/benchmarks/matching-quality.sh`")
                .append(" on `services/business-matching/src/test/resources/evaluation/matching-pairs.v1.json`: ")
                .append(report.set().pairs().size()).append(" pairs and ").append(report.set().distractors().size())
                .append(" distractors; glossary `").append(TechnicalGlossary.CURRENT_VERSION).append("` with ")
                .append(TechnicalGlossary.current().concepts().size()).append(" concepts.\n\n");
        md.append("Each pair is asked twice: the request ranks every offer, the offer every request (distractors ")
                .append("included). hit@k: the pair's other side is among the first k; MRR: mean of 1/rank (0 when not ")
                .append("ranked at all). Plain BM25: Lucene's stock Kuromoji and English analysers over the text alone, ")
                .append("every word of one side queried against the other side's texts.\n\n");
        md.append("| category | queries | platform hit@1 | BM25 hit@1 | platform hit@3 | BM25 hit@3 | platform MRR | BM25 MRR |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Category category : Category.values()) {
            Metrics p = report.platform().get(category);
            Metrics b = report.baseline().get(category);
            if (p != null) {
                row(md, category.name().toLowerCase().replace('_', '-'), p, b);
            }
        }
        row(md, "**overall**", report.platformOverall(), report.baselineOverall());
        md.append("\nTargets: the platform beats plain BM25 on every metric in every category, hit@3 ≥ 0.8 overall, ")
                .append("no category below 0.6.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Metrics p, Metrics b) {
        md.append(String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f |%n", name, p.queries(),
                p.hitAt1(), b.hitAt1(), p.hitAt3(), b.hitAt3(), p.mrr(), b.mrr()));
    }
}
