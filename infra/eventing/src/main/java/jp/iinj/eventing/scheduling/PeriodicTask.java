package jp.iinj.eventing.scheduling;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a reactive task every interval, one run at a time: a tick that comes while a run is still going is dropped,
 * and a failed run is logged and does not stop the next. For the library's background sweeps.
 */
public final class PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration firstRunAfter;
    private final Duration interval;
    private final Supplier<Mono<?>> run;
    private volatile Disposable running;

    /**
     * @param name          says what fails in the log, e.g. {@code outbox sweep}
     * @param firstRunAfter {@code Duration.ZERO} to run once right at start
     */
    public PeriodicTask(String name, Duration firstRunAfter, Duration interval, Supplier<Mono<?>> run) {
        this.name = name;
        this.firstRunAfter = firstRunAfter;
        this.interval = interval;
        this.run = run;
    }

    public void start() {
        running = Flux.interval(firstRunAfter, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(run).onErrorResume(failure -> {
                    log.warn("{} failed: {}", name, failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    public void stop() {
        Disposable task = running;
        if (task != null) {
            task.dispose();
        }
        running = null;
    }

    public boolean isRunning() {
        Disposable task = running;
        return task != null && !task.isDisposed();
    }
}
