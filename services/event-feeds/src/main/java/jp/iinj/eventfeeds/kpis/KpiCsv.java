package jp.iinj.eventfeeds.kpis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The KPIs as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes
 * doubled): a header row, then one row per bureau × prefecture × cluster × month, each region from its first month
 * with an event to {@code asOf}'s month. Members are those at the month's end; the rest happened in the month. An
 * empty prefecture or cluster: events without one.
 */
public final class KpiCsv {

    static final List<String> HEADER = List.of("bureau", "prefecture", "cluster", "month", "members_applied",
            "members_active", "members_suspended", "members_rejected", "members_withdrawn", "members_lapsed",
            "registrations", "profiles_published", "proposals", "interests", "agreements",
            "cases_closed_with_agreement", "cases_closed", "first_contacts", "median_first_contact_seconds",
            "escalations");

    private KpiCsv() {
    }

    public static String of(LocalDate asOf, Map<KpiCell, KpiCounts> cells) {
        YearMonth last = YearMonth.from(asOf);
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        Map<KpiRegion, TreeMap<YearMonth, KpiCounts>> regions = new TreeMap<>(
                (a, b) -> KpiCell.ORDER.compare(new KpiCell(a, last), new KpiCell(b, last)));
        cells.forEach((cell, counts) -> regions.computeIfAbsent(cell.region(), region -> new TreeMap<>())
                .merge(cell.month(), counts, KpiCounts::plus));
        regions.forEach((region, months) -> {
            KpiCounts running = KpiCounts.NONE;
            for (YearMonth month = months.firstKey(); !month.isAfter(last); month = month.plusMonths(1)) {
                KpiCounts inMonth = months.getOrDefault(month, KpiCounts.NONE);
                running = running.plus(inMonth);
                KpiReport.KpiFigures figures = KpiReport.figures(running, inMonth);
                Long median = figures.firstContact().medianSeconds();
                line(csv, List.of(text(region.bureau()), text(region.prefecture()), text(region.cluster()),
                        month.toString(),
                        String.valueOf(figures.members().applied()), String.valueOf(figures.members().active()),
                        String.valueOf(figures.members().suspended()), String.valueOf(figures.members().rejected()),
                        String.valueOf(figures.members().withdrawn()), String.valueOf(figures.members().lapsed()),
                        String.valueOf(figures.registrations()), String.valueOf(figures.profilesPublished()),
                        String.valueOf(figures.funnel().proposals()), String.valueOf(figures.funnel().interests()),
                        String.valueOf(figures.funnel().agreements()),
                        String.valueOf(figures.funnel().closedWithAgreement()), String.valueOf(figures.casesClosed()),
                        String.valueOf(figures.firstContact().cases()), median == null ? "" : median.toString(),
                        String.valueOf(figures.escalations())));
            }
        });
        return csv.toString();
    }

    /** A region's id as a spreadsheet shows it: one that would start a formula is prefixed with an apostrophe. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(KpiCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 §2.6–2.7. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
