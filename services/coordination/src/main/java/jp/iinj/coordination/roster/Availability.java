package jp.iinj.coordination.roster;

import java.time.LocalDate;

/**
 * Whether a coordinator takes new cases: {@code ACTIVE}, or {@code AWAY} from one day to another (Japan's calendar,
 * both days included). Away only matters on the days of the period: before and after it they are assigned as usual.
 *
 * @param from first day away, only when {@code AWAY}
 * @param to   last day away, only when {@code AWAY}
 */
public record Availability(Status status, LocalDate from, LocalDate to) {

    public enum Status {
        ACTIVE,
        AWAY
    }

    public static Availability active() {
        return new Availability(Status.ACTIVE, null, null);
    }

    public static Availability away(LocalDate from, LocalDate to) {
        return new Availability(Status.AWAY, from, to);
    }
}
