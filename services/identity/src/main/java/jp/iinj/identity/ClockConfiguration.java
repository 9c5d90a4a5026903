package jp.iinj.identity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock for lockouts, one-time-token expiry and signing-key retention, so that tests can move time
 * forward instead of waiting. (Token {@code iat}/{@code exp} come from the authorization server's own clock.)
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
