package jp.iinj.businessmatching.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A guard against regressions of matching quality (not a timed test): on the evaluation set, the platform's ranking
 * stays ahead of plain BM25 overall on every metric, with hit@3 of at least 0.8 overall and 0.6 in every category, and
 * never loses the cross-language pairs that plain BM25 cannot find. The full table: {@code infra/benchmarks/matching-quality.sh}.
 */
class MatchingQualityTest {

    @Test
    void thePlatformStaysAheadOfPlainBm25() {
        MatchingEvaluation.Report report = MatchingEvaluation.run(EvaluationSet.load());

        assertThat(report.set().pairs()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(report.platformOverall().hitAt1()).isGreaterThan(report.baselineOverall().hitAt1());
        assertThat(report.platformOverall().hitAt3()).isGreaterThan(report.baselineOverall().hitAt3())
                .isGreaterThanOrEqualTo(0.8);
        assertThat(report.platformOverall().mrr()).isGreaterThan(report.baselineOverall().mrr());
        report.platform().forEach((category, metrics) -> assertThat(metrics.hitAt3()).as(category.name())
                .isGreaterThanOrEqualTo(0.6));
        assertThat(report.platform().get(EvaluationSet.Category.CROSS_LANGUAGE).hitAt3())
                .isGreaterThan(report.baseline().get(EvaluationSet.Category.CROSS_LANGUAGE).hitAt3());
    }
}
