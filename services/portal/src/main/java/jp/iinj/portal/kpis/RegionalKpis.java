package jp.iinj.portal.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Event feeds' KPI report ({@code GET /api/feeds/kpis}) as the dashboard reads it: totals, and the same figures by
 * month, bureau, prefecture and cluster. Members are counted at the end of the period, the rest within it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegionalKpis(String asOf, boolean allBureaus, List<String> bureaus, Figures totals, List<Month> byMonth,
                    List<Region> byBureau, List<Region> byPrefecture, List<Region> byCluster) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Figures(Members members, long registrations, long profilesPublished, Funnel funnel, long casesClosed,
                   FirstContact firstContact, long escalations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Members(long applied, long active, long suspended, long rejected, long withdrawn, long lapsed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Funnel(long proposals, long interests, long agreements, long closedWithAgreement) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FirstContact(long cases, Long medianSeconds) {

        /** The median in hours, one decimal; null without cases. */
        public BigDecimal medianHours() {
            return medianSeconds == null ? null
                    : BigDecimal.valueOf(medianSeconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
        }
    }

    /** @param month {@code YYYY-MM} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Month(String month, Figures figures) {
    }

    /** @param key a bureau, prefecture code or cluster id; null: events without one */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Region(String key, Figures figures) {
    }
}
