package jp.iinj.memberregistry.lapse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the lapse job on a schedule unless {@code iinj.membership.lapse-job-enabled=false} (tests drive it by hand). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "iinj.membership.lapse-job-enabled", havingValue = "true", matchIfMissing = true)
class LapseScheduling {
}
