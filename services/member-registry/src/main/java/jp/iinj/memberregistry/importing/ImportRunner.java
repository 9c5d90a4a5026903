package jp.iinj.memberregistry.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import jp.iinj.httpapi.correlation.RequestCorrelation;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Runs accepted imports in the background, each from its spooled file: rows are parsed one at a time and imported
 * {@code concurrency} at once; rows that may be the same organisation (same corporate number, or same name in the
 * same prefecture) are imported one after the other, so a file never registers one organisation twice. The
 * status is written every {@code progress-every-rows} rows or {@code progress-interval}, and touched every
 * {@code heartbeat-interval}; the file is deleted at the end, whatever the end.
 */
@Component
class ImportRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int GROUP_PREFETCH = 32;
    private static final Duration SHUTDOWN_WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final MemberImports imports;
    private final RowImport rowImport;
    private final ImportSettings settings;
    private final Clock clock;
    private final Map<String, Run> running = new ConcurrentHashMap<>();
    private volatile boolean started;

    ImportRunner(MemberImports imports, RowImport rowImport, ImportSettings settings, Clock clock) {
        this.imports = imports;
        this.rowImport = rowImport;
        this.settings = settings;
        this.clock = clock;
    }

    /** One import in progress on this instance. */
    private record Run(Disposable.Swap work, Disposable heartbeat, PendingProgress pending) {
    }

    /** Starts importing {@code file}, whose header was checked; returns at once. */
    void start(MemberImport status, SpooledImportFile file, ImportHeader header) {
        String id = status.id();
        PendingProgress pending = new PendingProgress(settings.maxStoredErrors());
        Disposable heartbeat = Flux.interval(settings.heartbeatInterval())
                .concatMap(tick -> imports.touch(id, clock.instant()).onErrorReturn(true))
                .subscribe();
        Run run = new Run(Disposables.swap(), heartbeat, pending);
        running.put(id, run);
        run.work().update(importAll(status, file, header, pending)
                // logged inside the chain, where the correlation id is in the MDC
                .doOnNext(ended -> log.info("Import {} ended: {}", id, ended))
                .doOnError(failure -> log.error("Import {} could not record its end; it will be reaped", id, failure))
                .onErrorComplete()
                .doFinally(signal -> {
                    heartbeat.dispose();
                    running.remove(id);
                    delete(file.path());
                })
                .contextWrite(Context.of(RequestCorrelation.CONTEXT_KEY, status.correlationId()))
                .subscribe());
    }

    private Mono<String> importAll(MemberImport status, SpooledImportFile file, ImportHeader header,
                                   PendingProgress pending) {
        String id = status.id();
        AtomicLong lastRowRead = new AtomicLong(1);
        int concurrency = settings.concurrency();
        return file.rows(header)
                .doOnNext(row -> lastRowRead.set(row.number()))
                // parsing reads the file: blocking, so on threads meant for it
                .subscribeOn(Schedulers.boundedElastic())
                .groupBy(row -> Math.floorMod(row.identityKey().hashCode(), concurrency), GROUP_PREFETCH)
                .flatMap(sameGroup -> sameGroup.concatMap(row ->
                        rowImport.importRow(row, status.startedBy(), status.correlationId())), concurrency)
                .doOnNext(pending::add)
                .bufferTimeout(settings.progressEveryRows(), settings.progressInterval(), true)
                // one status write at a time, and no batches queued behind it: memory stays flat
                .concatMapDelayError(batch -> imports.progress(id, pending.drain(), clock.instant()), true, 1)
                // declared FAILED meanwhile (it looked dead): stop, write nothing more
                .takeWhile(stillRunning -> stillRunning)
                .then(Mono.defer(() ->
                        imports.finish(id, pending.drain(), ImportState.COMPLETED, null, clock.instant())))
                .map(recorded -> recorded ? "COMPLETED" : "abandoned: it had been declared FAILED")
                .onErrorResume(failure -> {
                    String reason = reasonFor(failure, lastRowRead.get(), status.correlationId());
                    log.warn("Import {} failed after row {}: {}", id, lastRowRead.get(), reason, failure);
                    return imports.finish(id, pending.drain(), ImportState.FAILED, reason, clock.instant())
                            .map(recorded -> "FAILED");
                });
    }

    private static String reasonFor(Throwable failure, long lastRowRead, String correlationId) {
        if (failure instanceof UncheckedIOException unreadable) {
            return "The file cannot be read after row " + lastRowRead + " (" + unreadable.getCause().getMessage()
                    + "). The rows before it were imported; correct the file and import it again: rows imported "
                    + "already then count as already registered.";
        }
        return "The import stopped after row " + lastRowRead + " because of an internal error (correlation id "
                + correlationId + "). Import the file again: rows imported already then count as already registered.";
    }


    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spooled import {}", file, e);
        }
    }

    @Override
    public void start() {
        started = true;
    }

    /** Imports cannot outlive the instance: they are stopped and declared FAILED, so nobody waits for the reaper. */
    @Override
    public void stop() {
        started = false;
        running.forEach((id, run) -> {
            run.work().dispose();
            run.heartbeat().dispose();
            try {
                imports.finish(id, run.pending().drain(), ImportState.FAILED, "The service instance running the "
                        + "import stopped. Import the file again: rows imported already then count as already "
                        + "registered.", clock.instant()).block(SHUTDOWN_WRITE_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Could not declare import {} FAILED at shutdown; the reaper will", id, e);
            }
        });
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
