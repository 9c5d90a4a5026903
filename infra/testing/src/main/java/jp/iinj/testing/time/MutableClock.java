package jp.iinj.testing.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move by hand, for time-based rules (expiry, grace periods, SLA timers, lockouts): register it as the
 * application's {@code Clock} bean, then {@link #advance} instead of waiting. It either stands still at a chosen
 * instant ({@link #at}) or runs with the system clock plus an offset ({@link #ticking}), for tests whose other parts
 * (signed tokens, brokers) live in real time. Like the platform's own clock it reads in whole milliseconds, the
 * precision MongoDB stores.
 */
public final class MutableClock extends Clock {

    private final State state;
    private final ZoneId zone;

    private MutableClock(State state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    /** A clock that stands still at {@code start} until moved. */
    public static MutableClock at(Instant start) {
        return new MutableClock(new State(start), ZoneOffset.UTC);
    }

    /** The system clock, moved forward by whatever {@link #advance} adds. */
    public static MutableClock ticking() {
        return new MutableClock(new State(null), ZoneOffset.UTC);
    }

    public void advance(Duration duration) {
        synchronized (state) {
            state.offset = state.offset.plus(duration);
        }
    }

    /** From now on the clock stands still at {@code instant}. */
    public void set(Instant instant) {
        synchronized (state) {
            state.standing = instant;
            state.offset = Duration.ZERO;
        }
    }

    /** Back to how it was made: at its start instant, or the system clock without offset. */
    public void reset() {
        synchronized (state) {
            state.standing = state.start;
            state.offset = Duration.ZERO;
        }
    }

    @Override
    public Instant instant() {
        synchronized (state) {
            Instant base = state.standing == null ? Instant.now() : state.standing;
            return base.plus(state.offset).truncatedTo(ChronoUnit.MILLIS);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(state, other);
    }

    private static final class State {
        private final Instant start;
        private Instant standing;
        private Duration offset = Duration.ZERO;

        State(Instant start) {
            this.start = start;
            this.standing = start;
        }
    }
}
