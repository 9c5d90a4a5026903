package jp.iinj.coordination.servicelevels;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import reactor.core.publisher.Mono;

/**
 * Runs the service-level sweep on every instance, every {@code iinj.coordination.service-levels.sweep-interval}
 * (1 minute), unless {@code …sweep-enabled=false} (tests drive it by hand with their own clock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "iinj.coordination.service-levels.sweep-enabled", havingValue = "true",
        matchIfMissing = true)
class ServiceLevelScheduling {

    private static final Logger log = LoggerFactory.getLogger(ServiceLevelScheduling.class);

    static final Duration LONGEST_SWEEP = Duration.ofMinutes(30);

    private final ServiceLevelSweep sweep;

    ServiceLevelScheduling(ServiceLevelSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelayString = "${iinj.coordination.service-levels.sweep-interval:1m}", initialDelayString = "30s")
    void onSchedule() {
        // bounded: a store call that never answers must not stop every later sweep on this scheduler thread
        ServiceLevelSweep.Result result = sweep.sweep().timeout(LONGEST_SWEEP).onErrorResume(failure -> {
            log.warn("The service-level sweep failed; it runs again at the next interval", failure);
            return Mono.empty();
        }).block();
        if (result != null && (result.changed() > 0 || result.skipped() > 0)) {
            log.info("Service-level sweep: {} reassigned, {} queued and escalated, {} escalated, {} skipped",
                    result.reassigned(), result.queued(), result.escalated(), result.skipped());
        }
    }
}
