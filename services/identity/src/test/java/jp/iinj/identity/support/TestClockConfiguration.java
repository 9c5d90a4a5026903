package jp.iinj.identity.support;

import org.springframework.boot.test.context.TestConfiguration;

import jp.iinj.testing.time.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock (lockout, one-time-token expiry, key retention) with a {@link MutableClock}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.ticking();
    }
}
