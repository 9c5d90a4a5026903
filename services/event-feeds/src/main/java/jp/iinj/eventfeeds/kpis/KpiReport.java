package jp.iinj.eventfeeds.kpis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The KPIs of the caller's bureaus as of the end of a day in Japan: totals, and the same figures by month, bureau,
 * prefecture and cluster. Members are counted by status at the end of the period (the month, or {@code asOf}); the
 * rest are events within it.
 */
@Schema(description = "The region's KPIs as of the end of a day (Asia/Tokyo)")
public record KpiReport(
        @Schema(description = "The day whose end the figures are as of") LocalDate asOf,
        @Schema(description = "Always Asia/Tokyo: days and months are Japan's") String timeZone,
        @Schema(description = "True for administrators: every bureau") boolean allBureaus,
        @Schema(description = "The caller's bureaus (empty for administrators)") List<String> bureaus,
        KpiFigures totals,
        @Schema(description = "Each month from the first with an event to asOf's; members at each month's end")
        List<MonthFigures> byMonth,
        List<RegionFigures> byBureau,
        @Schema(description = "By JIS X 0401 prefecture code; null: events without one (coordination's)")
        List<RegionFigures> byPrefecture,
        @Schema(description = "By cluster id; null: events without one")
        List<RegionFigures> byCluster) {

    /** The numbers of one period and region. */
    public record KpiFigures(
            MemberFigures members,
            @Schema(description = "member-registered events") long registrations,
            @Schema(description = "profile-published events") long profilesPublished,
            FunnelFigures funnel,
            @Schema(description = "case-closed events, any outcome") long casesClosed,
            FirstContactFigures firstContact,
            @Schema(description = "case-escalated events") long escalations) {
    }

    /** Members by status at the end of the period. */
    public record MemberFigures(long applied, long active, long suspended, long rejected, long withdrawn,
                                long lapsed) {
    }

    /** Proposals → expressions of interest → agreed matches → cases closed with an agreement. */
    public record FunnelFigures(long proposals, long interests, long agreements, long closedWithAgreement) {
    }

    /**
     * @param cases         cases that first reached a stage in the period
     * @param medianSeconds the median time from their opening to it (mean of the two middle ones for an even
     *                      number); null without cases
     */
    public record FirstContactFigures(long cases, Long medianSeconds) {
    }

    /** @param month {@code YYYY-MM} */
    public record MonthFigures(String month, KpiFigures figures) {
    }

    /** @param key the bureau id, prefecture code or cluster id; null: not attributed */
    public record RegionFigures(String key, KpiFigures figures) {
    }

    /** The report of {@code cells} (already limited to the caller's bureaus and to events up to {@code asOf}). */
    public static KpiReport of(LocalDate asOf, boolean allBureaus, List<String> bureaus, Map<KpiCell, KpiCounts> cells) {
        YearMonth last = YearMonth.from(asOf);
        KpiCounts all = sum(cells.values());
        TreeMap<YearMonth, KpiCounts> months = new TreeMap<>(cells.entrySet().stream().collect(
                Collectors.toMap(cell -> cell.getKey().month(), Map.Entry::getValue, KpiCounts::plus)));
        List<MonthFigures> byMonth = new ArrayList<>();
        if (!months.isEmpty()) {
            KpiCounts running = KpiCounts.NONE;
            for (YearMonth month = months.firstKey(); !month.isAfter(last); month = month.plusMonths(1)) {
                KpiCounts inMonth = months.getOrDefault(month, KpiCounts.NONE);
                running = running.plus(inMonth);
                byMonth.add(new MonthFigures(month.toString(), figures(running, inMonth)));
            }
        }
        return new KpiReport(asOf, KpiFold.TOKYO.getId(), allBureaus, bureaus.stream().sorted().toList(),
                figures(all, all), byMonth, by(cells, KpiRegion::bureau), by(cells, KpiRegion::prefecture),
                by(cells, KpiRegion::cluster));
    }

    /** Members from {@code toDate} (everything up to the period's end), the rest from {@code inPeriod}. */
    static KpiFigures figures(KpiCounts toDate, KpiCounts inPeriod) {
        return new KpiFigures(
                new MemberFigures(toDate.applied(), toDate.active(), toDate.suspended(), toDate.rejected(),
                        toDate.withdrawn(), toDate.lapsed()),
                inPeriod.registrations(), inPeriod.profilesPublished(),
                new FunnelFigures(inPeriod.proposals(), inPeriod.interests(), inPeriod.agreements(),
                        inPeriod.casesClosedWithAgreement()),
                inPeriod.casesClosed(),
                new FirstContactFigures(inPeriod.firstContactSeconds().size(), median(inPeriod.firstContactSeconds())),
                inPeriod.escalations());
    }

    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<RegionFigures> by(Map<KpiCell, KpiCounts> cells, Function<KpiRegion, String> key) {
        Map<String, KpiCounts> grouped = new TreeMap<>(KpiCell.NULLS_LAST);
        cells.forEach((cell, counts) -> grouped.merge(key.apply(cell.region()), counts, KpiCounts::plus));
        return grouped.entrySet().stream()
                .map(group -> new RegionFigures(group.getKey(), figures(group.getValue(), group.getValue())))
                .toList();
    }

    static KpiCounts sum(Iterable<KpiCounts> counts) {
        KpiCounts total = KpiCounts.NONE;
        for (KpiCounts each : counts) {
            total = total.plus(Objects.requireNonNull(each));
        }
        return total;
    }
}
