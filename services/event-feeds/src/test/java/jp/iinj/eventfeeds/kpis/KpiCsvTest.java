package jp.iinj.eventfeeds.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KpiCsvTest {

    @Test
    void oneRowPerRegionAndMonthFromItsFirstMonthWithMembersAtEachMonthsEnd() {
        Map<KpiCell, KpiCounts> cells = Map.of(
                new KpiCell(KpiFoldTest.FUKUOKA, YearMonth.of(2026, 3)),
                KpiReportTest.counts(1, 0, 1, 2, List.of()),
                new KpiCell(KpiFoldTest.FUKUOKA, YearMonth.of(2026, 5)),
                KpiReportTest.counts(-1, 1, 0, 0, List.of(3600L)),
                new KpiCell(KpiFoldTest.KYUSHU_CASES, YearMonth.of(2026, 5)),
                KpiReportTest.counts(0, 0, 0, 0, List.of(60L, 120L, 600L)));

        String csv = KpiCsv.of(LocalDate.of(2026, 5, 31), cells);

        assertThat(csv.split("\r\n", -1)).containsExactly(
                String.join(",", KpiCsv.HEADER),
                "kyushu,40,kyushu-semiconductor,2026-03,1,0,0,0,0,0,1,0,2,0,0,0,0,0,,0",
                "kyushu,40,kyushu-semiconductor,2026-04,1,0,0,0,0,0,0,0,0,0,0,0,0,0,,0",
                "kyushu,40,kyushu-semiconductor,2026-05,0,1,0,0,0,0,0,0,0,0,0,0,0,1,3600,0",
                "kyushu,,,2026-05,0,0,0,0,0,0,0,0,0,0,0,0,0,3,120,0",
                "");
    }

    @Test
    void onlyTheHeaderWithoutEvents() {
        assertThat(KpiCsv.of(LocalDate.of(2026, 5, 31), Map.of())).isEqualTo(String.join(",", KpiCsv.HEADER) + "\r\n");
    }

    @Test
    void fieldsAreQuotedAsRfc4180SaysAndNeverStartAFormula() {
        assertThat(KpiCsv.field("plain")).isEqualTo("plain");
        assertThat(KpiCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(KpiCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(KpiCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(KpiCsv.text("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(KpiCsv.text("@sum")).isEqualTo("'@sum");
        assertThat(KpiCsv.text(null)).isEmpty();
        assertThat(KpiCsv.text("kanto-bio")).isEqualTo("kanto-bio");
    }
}
