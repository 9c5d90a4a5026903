package jp.iinj.businessmatching.searchindex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import jp.iinj.eventing.scheduling.PeriodicTask;

/**
 * Builds this instance's index from the store once the application is ready, then re-reads recent changes every
 * minute: the per-instance event subscription starts at the latest offset, so a change stored while it was joining
 * would otherwise wait for its next event.
 */
@Component
class SearchIndexLifecycle {

    static final Duration CATCH_UP_EVERY = Duration.ofMinutes(1);

    private final SearchIndex index;
    private final Clock clock;
    private PeriodicTask catchUp;

    SearchIndexLifecycle(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        Instant started = clock.instant();
        index.rebuild().block();
        catchUp = new PeriodicTask("search index catch-up", CATCH_UP_EVERY, CATCH_UP_EVERY,
                () -> index.catchUp(clock.instant().minus(CATCH_UP_EVERY.multipliedBy(3))));
        catchUp.start();
        index.catchUp(started.minus(CATCH_UP_EVERY)).block();
    }

    @PreDestroy
    void stop() {
        if (catchUp != null) {
            catchUp.stop();
        }
    }
}
