package jp.iinj.eventfeeds.kpis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import jp.iinj.eventfeeds.log.FeedScope;
import reactor.core.publisher.Mono;

/**
 * The KPIs a caller asked for: today's from the live projection, a past day's by replaying the log up to that day's
 * end (Asia/Tokyo). Either way only the cells of the caller's bureaus.
 */
@Service
public class KpiQueries {

    private final KpiLiveProjection live;
    private final KpiReplay replay;
    private final Clock clock;

    public KpiQueries(KpiLiveProjection live, KpiReplay replay, Clock clock) {
        this.live = live;
        this.replay = replay;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(KpiFold.TOKYO));
    }

    /** The last instant of {@code day} in Japan: events up to and including it count. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(KpiFold.TOKYO).toInstant().minusNanos(1);
    }

    public Mono<Map<KpiCell, KpiCounts>> cells(LocalDate asOf, FeedScope scope) {
        if (asOf.equals(today())) {
            return live.cells(scope, endOf(asOf));
        }
        return replayed(asOf, scope);
    }

    /** The cells of a fresh projection replayed up to the end of {@code asOf}. */
    public Mono<Map<KpiCell, KpiCounts>> replayed(LocalDate asOf, FeedScope scope) {
        // every bureau replayed, then limited: a member moving between bureaus leaves one and enters the other
        return replay.cells(endOf(asOf)).map(cells -> cells.entrySet().stream()
                .filter(cell -> scope.unlimited() || cell.getKey().region().bureau() != null
                        && scope.bureaus().contains(cell.getKey().region().bureau()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public Mono<KpiReport> report(LocalDate asOf, FeedScope scope) {
        return cells(asOf, scope).map(cells -> KpiReport.of(asOf, scope.unlimited(), scope.bureaus().stream().toList(),
                cells));
    }

    public Mono<String> csv(LocalDate asOf, FeedScope scope) {
        return cells(asOf, scope).map(cells -> KpiCsv.of(asOf, cells));
    }
}
