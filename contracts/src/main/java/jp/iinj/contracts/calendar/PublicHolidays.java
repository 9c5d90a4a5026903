package jp.iinj.contracts.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Japan's public holidays, read from the versioned reference data shipped in this module (the Cabinet Office's list:
 * national, substitute and citizens' holidays). It covers whole calendar years, and refuses a date outside them rather
 * than call it an ordinary day. A correction or a new year is an edit of the current version's file, checked by
 * {@code contracts/scripts/check_public_holidays.py}; a change of format is a new version.
 */
public final class PublicHolidays {

    public static final String CURRENT_VERSION = "japanese-public-holidays.v1";

    private static final String HEADER = "date,name_ja,name_en";

    private static final PublicHolidays CURRENT = load("contracts/reference-data/" + CURRENT_VERSION + ".csv",
            CURRENT_VERSION);

    private final String version;
    private final Map<LocalDate, PublicHoliday> byDate;
    private final LocalDate firstCoveredDate;
    private final LocalDate lastCoveredDate;

    private PublicHolidays(String version, TreeMap<LocalDate, PublicHoliday> byDate) {
        this.version = version;
        this.byDate = Collections.unmodifiableMap(byDate);
        this.firstCoveredDate = LocalDate.of(byDate.firstKey().getYear(), 1, 1);
        this.lastCoveredDate = LocalDate.of(byDate.lastKey().getYear(), 12, 31);
    }

    public static PublicHolidays current() {
        return CURRENT;
    }

    /** The reference data's version, e.g. {@code japanese-public-holidays.v1}. */
    public String version() {
        return version;
    }

    /** 1 January of the first year covered. */
    public LocalDate firstCoveredDate() {
        return firstCoveredDate;
    }

    /** 31 December of the last year covered. */
    public LocalDate lastCoveredDate() {
        return lastCoveredDate;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(firstCoveredDate) && !date.isAfter(lastCoveredDate);
    }

    /** @throws DateNotCoveredException when the list does not cover the date's year */
    public boolean isHoliday(LocalDate date) {
        return holiday(date).isPresent();
    }

    /** The holiday on that date, if any. @throws DateNotCoveredException when the list does not cover the date's year */
    public Optional<PublicHoliday> holiday(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(byDate.get(date));
    }

    /** The holiday's Japanese name (成人の日, 振替休日...), if that date is one. @throws DateNotCoveredException */
    public Optional<String> name(LocalDate date) {
        return holiday(date).map(PublicHoliday::nameJa);
    }

    /**
     * A business day by the calendar alone: neither Saturday, Sunday nor a public holiday. Days some offices close besides (the government's year-end
     * closing, 29 December to 3 January) are not public holidays and not in this list.
     *
     * @throws DateNotCoveredException when the list does not cover the date's year
     */
    public boolean isBusinessDay(LocalDate date) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !isHoliday(date) && !weekend;
    }

    /** Every holiday covered, in date order. */
    public List<PublicHoliday> all() {
        return List.copyOf(byDate.values());
    }

    private void requireCovered(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!covers(date)) {
            throw new DateNotCoveredException(date, firstCoveredDate, lastCoveredDate, version);
        }
    }

    /** Reads a list, refusing one that is empty, malformed, out of order or with a date twice. */
    static PublicHolidays load(String classpathLocation, String version) {
        InputStream in = PublicHolidays.class.getClassLoader().getResourceAsStream(classpathLocation);
        if (in == null) {
            throw new IllegalStateException("reference data missing from the classpath: " + classpathLocation);
        }
        List<PublicHoliday> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("unexpected header in " + classpathLocation + ": " + header);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 3 || cells[1].isBlank() || cells[2].isBlank()) {
                    throw new IllegalStateException(classpathLocation + " line " + number + ": expected date,name_ja,name_en");
                }
                try {
                    rows.add(new PublicHoliday(LocalDate.parse(cells[0]), cells[1], cells[2]));
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(classpathLocation + " line " + number + ": not a date: " + cells[0], e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeMap<LocalDate, PublicHoliday> byDate = new TreeMap<>();
        for (PublicHoliday holiday : rows) {
            if (!byDate.isEmpty() && !holiday.date().isAfter(byDate.lastKey())) {
                throw new IllegalStateException(classpathLocation + ": " + holiday.date()
                        + " is out of order or listed twice");
            }
            byDate.put(holiday.date(), holiday);
        }
        if (byDate.isEmpty()) {
            throw new IllegalStateException(classpathLocation + " lists no holidays");
        }
        return new PublicHolidays(version, byDate);
    }
}
