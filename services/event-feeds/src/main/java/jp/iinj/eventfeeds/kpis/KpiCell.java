package jp.iinj.eventfeeds.kpis;

import java.time.YearMonth;
import java.util.Comparator;

/** One bureau × prefecture × cluster × month (Asia/Tokyo) of the KPIs. */
public record KpiCell(KpiRegion region, YearMonth month) {

    static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    /** Bureau, prefecture, cluster, then month; "not attributed" after the named ones. */
    static final Comparator<KpiCell> ORDER = Comparator
            .comparing((KpiCell cell) -> cell.region().bureau(), NULLS_LAST)
            .thenComparing(cell -> cell.region().prefecture(), NULLS_LAST)
            .thenComparing(cell -> cell.region().cluster(), NULLS_LAST)
            .thenComparing(KpiCell::month);
}
