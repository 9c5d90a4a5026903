package jp.iinj.eventfeeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The retry schedule with a controllable clock (the instants passed in) and a controllable random source. */
class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void immediatelyThen5Seconds5Minutes30Minutes2Hours5Hours10HoursThenNoMore() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.5);
        List<Duration> waits = new ArrayList<>();
        Instant failedAt = T0;
        for (int failed = 1; failed < schedule.attempts(); failed++) {
            Instant next = schedule.next(failed, failedAt, null).orElseThrow();
            waits.add(Duration.between(failedAt, next));
            failedAt = next;
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10));
        assertThat(new RetrySchedule(() -> 0.5).attempts()).isEqualTo(7);
        assertThat(schedule.next(7, failedAt, null)).isEmpty();
    }

    @Test
    void eachDelayVariesByAtMostTenPercent() {
        assertThat(new RetrySchedule(() -> 0.0).next(3, T0, null)).contains(T0.plus(Duration.ofMinutes(27)));
        assertThat(new RetrySchedule(() -> 0.999_999).next(3, T0, null).orElseThrow())
                .isBeforeOrEqualTo(T0.plus(Duration.ofMinutes(33))).isAfter(T0.plus(Duration.ofMinutes(32)));
    }

    @Test
    void retryAfterMovesTheNextAttemptLaterNeverEarlierAndNotBeyondTheLongestDelay() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.5);
        assertThat(schedule.next(1, T0, Duration.ofSeconds(120))).contains(T0.plusSeconds(120));
        assertThat(schedule.next(2, T0, Duration.ofSeconds(1))).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(1, T0, Duration.ofDays(30))).contains(T0.plus(Duration.ofHours(10)));
    }
}
