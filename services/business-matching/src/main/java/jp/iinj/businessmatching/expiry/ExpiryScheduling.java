package jp.iinj.businessmatching.expiry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the expiry jobs on a schedule unless {@code iinj.matching.jobs.enabled=false} (tests drive them by hand). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "iinj.matching.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ExpiryScheduling {
}
