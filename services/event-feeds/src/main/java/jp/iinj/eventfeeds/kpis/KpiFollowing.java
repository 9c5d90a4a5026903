package jp.iinj.eventfeeds.kpis;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the live KPIs current: every {@code iinj.feeds.kpis.interval} (1 s) it applies what the log holds past its
 * cursor, page after page while pages come full. Its own schedule, so it neither depends on nor switches on any other
 * job of the service.
 */
@Component
class KpiFollowing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KpiFollowing.class);

    private final KpiLiveProjection live;
    private final Duration interval;
    private volatile Disposable schedule;

    KpiFollowing(KpiLiveProjection live, @Value("${iinj.feeds.kpis.interval:1s}") Duration interval) {
        this.live = live;
        this.interval = interval;
    }

    @Override
    public void start() {
        schedule = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> live.catchUp()
                        .expand(applied -> applied == KpiLiveProjection.PAGE ? live.catchUp() : Mono.empty())
                        .then()
                        .onErrorResume(failure -> {
                            log.warn("Applying the log to the KPIs failed; it is tried again at the next interval",
                                    failure);
                            return Mono.empty();
                        }), 1)
                .subscribe();
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
}
