package jp.iinj.coordination.servicelevels;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jp.iinj.contracts.calendar.PublicHolidays;

/**
 * Service levels count the days the regional offices work: Monday to Friday in Japan, except public holidays (the
 * Cabinet Office's list, versioned in contracts) and the administrative year-end closing of 29 December to 3 January
 * (行政機関の休日に関する法律, Act on Holidays of Administrative Organs), when the bureaus that follow a case up are
 * closed too.
 */
public final class BusinessDays {

    /** The country's time: a day begins and ends in Tokyo, whatever the server's zone. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private static final MonthDay CLOSING_STARTS = MonthDay.of(12, 29);
    private static final MonthDay CLOSING_ENDS = MonthDay.of(1, 3);

    private final PublicHolidays holidays;

    public BusinessDays(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    public static BusinessDays ofJapan() {
        return new BusinessDays(PublicHolidays.current());
    }

    /**
     * @throws jp.iinj.contracts.calendar.DateNotCoveredException for a date the holiday list does not cover: a
     *         deadline is never computed from a guess
     */
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || inYearEndClosing(date)) {
            return false;
        }
        return !holidays.isHoliday(date);
    }

    /**
     * When something that happened at {@code from} is due, {@code days} business days later: at the end (midnight,
     * Tokyo) of the {@code days}-th business day after the day it happened. Something that happens on a Saturday is
     * thus due as if it had happened on the Friday before: the count starts with the next business day either way.
     */
    public Instant dueAfter(Instant from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a service level is at least one business day, not " + days);
        }
        LocalDate day = from.atZone(JAPAN).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day.plusDays(1).atStartOfDay(), JAPAN).toInstant();
    }

    private static boolean inYearEndClosing(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return !day.isBefore(CLOSING_STARTS) || !day.isAfter(CLOSING_ENDS);
    }
}
