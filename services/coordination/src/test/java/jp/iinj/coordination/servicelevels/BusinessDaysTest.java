package jp.iinj.coordination.servicelevels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.calendar.DateNotCoveredException;

class BusinessDaysTest {

    private final BusinessDays businessDays = BusinessDays.ofJapan();

    @Test
    void aWeekendAndThreeHolidaysInARowAreSkipped() {
        // Fri 18 Sep 2026; 21 敬老の日, 22 国民の休日, 23 秋分の日: the first business day after is Thu 24
        assertThat(businessDays.dueAfter(tokyo(2026, 9, 18, 10), 2)).isEqualTo(tokyo(2026, 9, 26, 0));
        assertThat(businessDays.dueAfter(tokyo(2026, 9, 18, 10), 1)).isEqualTo(tokyo(2026, 9, 25, 0));
    }

    @Test
    void goldenWeekWithItsSubstituteHolidayIsSkipped() {
        // Fri 1 May 2026; 3 (Sun) 憲法記念日 moves its holiday to Wed 6 (振替休日); 4 and 5 are holidays
        assertThat(businessDays.dueAfter(tokyo(2026, 5, 1, 9), 2)).isEqualTo(tokyo(2026, 5, 9, 0));
        assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 5, 6))).isFalse();
    }

    @Test
    void theYearEndClosingCountsAsClosedThoughOnlyNewYearsDayIsAHoliday() {
        // Fri 26 Dec 2025 + 1: closed 29 Dec to 3 Jan, 4 Jan is a Sunday, so Mon 5 Jan 2026
        assertThat(businessDays.dueAfter(tokyo(2025, 12, 26, 17), 1)).isEqualTo(tokyo(2026, 1, 6, 0));
        assertThat(businessDays.isBusinessDay(LocalDate.of(2025, 12, 29))).isFalse();
        assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(businessDays.isBusinessDay(LocalDate.of(2025, 12, 26))).isTrue();
    }

    @Test
    void tenBusinessDaysAcrossAWeekendAndAHoliday() {
        // Mon 9 Nov 2026: 10 business days are 10-13, 16-20, 24 (23 勤労感謝の日 is a Monday)
        assertThat(businessDays.dueAfter(tokyo(2026, 11, 9, 11), 10)).isEqualTo(tokyo(2026, 11, 25, 0));
    }

    @Test
    void theDayIsTokyosWhateverTheServersZone() {
        // 23:59 on Friday and 00:00 on Saturday in Tokyo are one business day from the same day
        Instant fridayNight = tokyo(2026, 9, 18, 23).plusSeconds(59 * 60);
        Instant saturdayMidnight = tokyo(2026, 9, 19, 0);
        assertThat(fridayNight).isEqualTo(Instant.parse("2026-09-18T14:59:00Z"));
        assertThat(businessDays.dueAfter(fridayNight, 1)).isEqualTo(tokyo(2026, 9, 25, 0));
        assertThat(businessDays.dueAfter(saturdayMidnight, 1)).isEqualTo(tokyo(2026, 9, 25, 0));
    }

    @Test
    void noDeadlineIsComputedFromAGuessOrForLessThanADay() {
        assertThatThrownBy(() -> businessDays.dueAfter(tokyo(2027, 12, 27, 9), 10))
                .isInstanceOf(DateNotCoveredException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> businessDays.dueAfter(tokyo(2026, 9, 18, 10), 0));
    }

    private static Instant tokyo(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(BusinessDays.JAPAN).toInstant();
    }
}
