package jp.iinj.eventfeeds.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KpiReportTest {

    static final KpiRegion FUKUOKA = KpiFoldTest.FUKUOKA;
    static final KpiRegion KUMAMOTO = KpiFoldTest.KUMAMOTO;
    static final KpiRegion CASES = KpiFoldTest.KYUSHU_CASES;

    static KpiCounts counts(long applied, long active, long registrations, long proposals, List<Long> seconds) {
        return new KpiCounts(applied, active, 0, 0, 0, 0, registrations, 0, proposals, 0, 0, 0, 0, 0, seconds);
    }

    final Map<KpiCell, KpiCounts> cells = Map.of(
            new KpiCell(FUKUOKA, YearMonth.of(2026, 2)), counts(2, 0, 2, 3, List.of()),
            new KpiCell(FUKUOKA, YearMonth.of(2026, 4)), counts(-1, 1, 0, 1, List.of()),
            new KpiCell(KUMAMOTO, YearMonth.of(2026, 4)), counts(1, 0, 1, 0, List.of()),
            new KpiCell(CASES, YearMonth.of(2026, 4)), counts(0, 0, 0, 0, List.of(100L, 300L)),
            new KpiCell(CASES, YearMonth.of(2026, 5)), counts(0, 0, 0, 0, List.of(50L)));

    @Test
    void totalsCountMembersAsOfTheDayAndEverythingElseUpToIt() {
        KpiReport report = KpiReport.of(LocalDate.of(2026, 5, 15), false, List.of("kyushu"), cells);

        assertThat(report.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(report.bureaus()).containsExactly("kyushu");
        assertThat(report.totals().members().applied()).isEqualTo(2);
        assertThat(report.totals().members().active()).isEqualTo(1);
        assertThat(report.totals().registrations()).isEqualTo(3);
        assertThat(report.totals().funnel().proposals()).isEqualTo(4);
        assertThat(report.totals().firstContact()).isEqualTo(new KpiReport.FirstContactFigures(3, 100L));
    }

    @Test
    void monthsRunWithoutGapsToTheMonthOfTheDayWithMembersAtEachMonthsEnd() {
        KpiReport report = KpiReport.of(LocalDate.of(2026, 6, 1), false, List.of("kyushu"), cells);

        assertThat(report.byMonth()).extracting(KpiReport.MonthFigures::month)
                .containsExactly("2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(report.byMonth()).extracting(month -> month.figures().members().applied())
                .containsExactly(2L, 2L, 2L, 2L, 2L);
        assertThat(report.byMonth()).extracting(month -> month.figures().members().active())
                .containsExactly(0L, 0L, 1L, 1L, 1L);
        assertThat(report.byMonth()).extracting(month -> month.figures().registrations())
                .containsExactly(2L, 0L, 1L, 0L, 0L);
        assertThat(report.byMonth().get(2).figures().firstContact())
                .isEqualTo(new KpiReport.FirstContactFigures(2, 200L)); // the mean of the two middle ones
        assertThat(report.byMonth().get(1).figures().firstContact().medianSeconds()).isNull();
    }

    @Test
    void breakdownsByBureauPrefectureAndClusterWithTheUnattributedLast() {
        KpiReport report = KpiReport.of(LocalDate.of(2026, 5, 15), true, List.of(), cells);

        assertThat(report.allBureaus()).isTrue();
        assertThat(report.byBureau()).extracting(KpiReport.RegionFigures::key).containsExactly("kyushu");
        assertThat(report.byPrefecture()).extracting(KpiReport.RegionFigures::key).containsExactly("40", "43", null);
        assertThat(report.byPrefecture().get(0).figures().members().applied()).isEqualTo(1);
        assertThat(report.byPrefecture().get(0).figures().members().active()).isEqualTo(1);
        assertThat(report.byPrefecture().get(2).figures().firstContact().cases()).isEqualTo(3);
        assertThat(report.byCluster()).extracting(KpiReport.RegionFigures::key)
                .containsExactly("kyushu-semiconductor", null);
    }

    @Test
    void nothingYet() {
        KpiReport report = KpiReport.of(LocalDate.of(2026, 5, 15), false, List.of("kyushu"), Map.of());
        assertThat(report.byMonth()).isEmpty();
        assertThat(report.totals().firstContact()).isEqualTo(new KpiReport.FirstContactFigures(0, null));
        assertThat(report.byPrefecture()).isEmpty();
    }

    @Test
    void median() {
        assertThat(KpiReport.median(List.of())).isNull();
        assertThat(KpiReport.median(List.of(7L))).isEqualTo(7L);
        assertThat(KpiReport.median(List.of(9L, 1L, 5L))).isEqualTo(5L);
        assertThat(KpiReport.median(List.of(10L, 1L, 3L, 100L))).isEqualTo(6L);
    }
}
