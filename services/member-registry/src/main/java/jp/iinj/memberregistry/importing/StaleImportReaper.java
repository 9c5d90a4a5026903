package jp.iinj.memberregistry.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Declares imports FAILED whose instance died: RUNNING, but not touched for {@code stale-after} (a live run touches
 * its status every heartbeat). Runs every {@code reaper-interval} and whenever a status is read, so a poller never waits on a dead
 * import. Safe on any number of instances: each declaration is one write guarded by the staleness it checks.
 */
@Component
class StaleImportReaper implements SmartLifecycle {

    static final String REASON = "The service instance running the import stopped answering. Import the file "
            + "again: rows imported already then count as already registered.";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(StaleImportReaper.class);

    private final MemberImports imports;
    private final ImportSettings settings;
    private final Clock clock;
    private volatile Disposable schedule;

    StaleImportReaper(MemberImports imports, ImportSettings settings, Clock clock) {
        this.imports = imports;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Looks for stale imports every {@code reaper-interval}. Its own schedule rather than {@code @Scheduled}, so that
     * it does not depend on (nor switch on) the service's other scheduled jobs.
     */
    @Override
    public void start() {
        schedule = Flux.interval(settings.reaperInterval())
                .concatMap(tick -> reapStale().onErrorResume(failure -> {
                    log.warn("Looking for stale imports failed; it runs again at the next interval", failure);
                    return Mono.just(0L);
                }))
                .filter(reaped -> reaped > 0)
                .subscribe(reaped -> log.info("{} stale imports declared FAILED", reaped));
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    /** Declares up to one batch of stale imports FAILED; how many this call declared. */
    Mono<Long> reapStale() {
        Instant now = clock.instant();
        Instant before = now.minus(settings.staleAfter());
        return imports.stale(before, BATCH)
                .concatMap(stale -> imports.failIfStale(stale.id(), before, REASON, now)
                        .doOnNext(reaped -> {
                            if (reaped) {
                                deleteSpooledFileOf(stale.id());
                            }
                        }))
                .filter(reaped -> reaped)
                .count();
    }

    /** The status as it is now: declared FAILED first if it is stale. */
    Mono<MemberImport> current(MemberImport status) {
        Instant now = clock.instant();
        Instant before = now.minus(settings.staleAfter());
        if (status.state() != ImportState.RUNNING || !status.updatedAt().isBefore(before)) {
            return Mono.just(status);
        }
        return imports.failIfStale(status.id(), before, REASON, now)
                .then(imports.byId(status.id()));
    }

    /** The dead instance's file, if it ran here (a file on another host is that host's temporary file). */
    private void deleteSpooledFileOf(String importId) {
        try {
            Files.deleteIfExists(settings.spoolFileOf(importId));
        } catch (IOException e) {
            log.warn("Could not delete the spooled file of import {}", importId, e);
        }
    }

}
