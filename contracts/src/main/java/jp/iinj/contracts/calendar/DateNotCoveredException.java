package jp.iinj.contracts.calendar;

import java.time.LocalDate;

/**
 * The holiday list does not cover a date, so whether it is a holiday is unknown. Answering "not a holiday" instead
 * would silently count a holiday as a business day once the list runs out; a new year's list is due each February.
 */
public class DateNotCoveredException extends IllegalArgumentException {

    public DateNotCoveredException(LocalDate date, LocalDate first, LocalDate last, String version) {
        super("%s is outside the public holidays of %s (%s to %s); add the year to the reference data"
                .formatted(date, version, first, last));
    }
}
