package jp.iinj.eventfeeds.delivery;

import java.time.Duration;
import java.util.List;

import jp.iinj.eventfeeds.webhooks.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How ordered delivery runs ({@code iinj.feeds.delivery.*}).
 *
 * @param retryDelays before each attempt of a delivery (the Standard Webhooks schedule unless shortened, as tests
 *                    that take a subscriber down for a while must)
 * @param lease       how long an instance holds a subscription without renewing it; another takes over after
 * @param tick        how often leases are renewed, cursors saved, and each subscription checks the log for events
 *                    another instance logged
 * @param backlog     events held in memory per subscription; past it, a subscription that lags reads the log instead
 */
@ConfigurationProperties("iinj.feeds.delivery")
public record DeliverySettings(List<Duration> retryDelays, Duration lease, Duration tick, Integer backlog) {

    public DeliverySettings {
        retryDelays = retryDelays == null || retryDelays.isEmpty() ? RetrySchedule.DELAYS : List.copyOf(retryDelays);
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        tick = tick == null ? Duration.ofSeconds(5) : tick;
        backlog = backlog == null ? 10_000 : backlog;
    }
}
