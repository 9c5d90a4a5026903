package jp.iinj.contracts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The holiday list against dates the Cabinet Office publishes, and its shape. */
class PublicHolidaysTest {

    private static final PublicHolidays HOLIDAYS = PublicHolidays.current();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2020-01-01, 元日",
            "2020-02-24, 振替休日",
            "2020-07-23, 海の日",
            "2020-07-24, スポーツの日",
            "2020-08-10, 山の日",
            "2021-07-22, 海の日",
            "2021-07-23, スポーツの日",
            "2021-08-08, 山の日",
            "2021-08-09, 振替休日",
            "2023-01-02, 振替休日",
            "2024-02-12, 振替休日",
            "2024-09-23, 振替休日",
            "2024-11-04, 振替休日",
            "2025-01-13, 成人の日",
            "2025-02-24, 振替休日",
            "2025-03-20, 春分の日",
            "2025-05-06, 振替休日",
            "2025-09-15, 敬老の日",
            "2025-10-13, スポーツの日",
            "2025-11-24, 振替休日",
            "2026-05-06, 振替休日",
            "2026-09-22, 国民の休日",
            "2026-09-23, 秋分の日",
            "2027-03-21, 春分の日",
            "2027-03-22, 振替休日",
            "2027-12-31, ''"})
    void knownDates(LocalDate date, String name) {
        if (name.isEmpty()) {
            assertThat(HOLIDAYS.isHoliday(date)).isFalse();
            assertThat(HOLIDAYS.name(date)).isEmpty();
        } else {
            assertThat(HOLIDAYS.isHoliday(date)).isTrue();
            assertThat(HOLIDAYS.name(date)).contains(name);
        }
    }

    @ParameterizedTest(name = "{0} is an ordinary day")
    @CsvSource({"2025-12-31", "2025-01-02", "2020-07-20", "2020-10-12", "2021-08-11", "2021-10-11", "2026-09-24"})
    void daysThatAreNotHolidays(LocalDate date) {
        // among them the days the 2020 and 2021 holidays were moved away from
        assertThat(HOLIDAYS.isHoliday(date)).isFalse();
    }

    @Test
    void englishNamesComeWithTheJapanese() {
        assertThat(HOLIDAYS.holiday(LocalDate.of(2025, 1, 13)))
                .contains(new PublicHoliday(LocalDate.of(2025, 1, 13), "成人の日", "Coming of Age Day"));
    }

    @Test
    void coversWholeYears2020To2027() {
        assertThat(HOLIDAYS.version()).isEqualTo("japanese-public-holidays.v1");
        assertThat(HOLIDAYS.firstCoveredDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(HOLIDAYS.lastCoveredDate()).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void refusesDatesOutsideTheCoveredYears() {
        // "not a holiday" would be a guess: 2028-01-01 is one
        for (LocalDate outside : List.of(LocalDate.of(2019, 12, 31), LocalDate.of(2028, 1, 1))) {
            assertThat(HOLIDAYS.covers(outside)).isFalse();
            assertThatThrownBy(() -> HOLIDAYS.isHoliday(outside)).isInstanceOf(DateNotCoveredException.class)
                    .hasMessageContaining(outside.toString());
            assertThatThrownBy(() -> HOLIDAYS.name(outside)).isInstanceOf(DateNotCoveredException.class);
            assertThatThrownBy(() -> HOLIDAYS.isBusinessDay(outside)).isInstanceOf(DateNotCoveredException.class);
        }
    }

    @Test
    void businessDaysSkipWeekendsAndHolidays() {
        assertThat(HOLIDAYS.isBusinessDay(LocalDate.of(2026, 9, 18))).isTrue();   // Friday
        assertThat(HOLIDAYS.isBusinessDay(LocalDate.of(2026, 9, 19))).isFalse();  // Saturday
        assertThat(HOLIDAYS.isBusinessDay(LocalDate.of(2026, 9, 22))).isFalse();  // citizens' holiday, a Tuesday
        assertThat(HOLIDAYS.isBusinessDay(LocalDate.of(2026, 9, 24))).isTrue();
    }

    @Test
    void everyYearHasItsSixteenNationalHolidays() {
        Map<Integer, Long> national = HOLIDAYS.all().stream()
                .filter(h -> !h.nameJa().equals("振替休日") && !h.nameJa().equals("国民の休日"))
                .collect(Collectors.groupingBy(h -> h.date().getYear(), Collectors.counting()));

        assertThat(national).hasSize(8).allSatisfy((year, count) -> assertThat(count).as("%d", year).isEqualTo(16L));
    }

    @Test
    void everySundayHolidayIsFollowedByASubstituteHoliday() {
        List<PublicHoliday> all = HOLIDAYS.all();
        all.stream().filter(h -> h.date().getDayOfWeek() == DayOfWeek.SUNDAY).forEach(sunday -> {
            LocalDate next = sunday.date().plusDays(1);
            while (HOLIDAYS.holiday(next).filter(h -> !h.nameJa().equals("振替休日")).isPresent()) {
                next = next.plusDays(1);
            }
            assertThat(HOLIDAYS.name(next)).as("after %s", sunday).contains("振替休日");
        });
        assertThat(all).filteredOn(h -> h.nameJa().equals("振替休日")).hasSize(14);
    }

    @Test
    void theFileListsEachDateOnceInOrderWithBothNames() throws IOException {
        Path file = Path.of(System.getProperty("basedir", "."), "reference-data", "japanese-public-holidays.v1.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines.get(0)).isEqualTo("date,name_ja,name_en");
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(3).doesNotContain(""));
        List<LocalDate> dates = rows.stream().map(row -> LocalDate.parse(row[0])).toList();
        assertThat(dates).doesNotHaveDuplicates().isSorted().hasSize(HOLIDAYS.all().size()).hasSize(143);
    }

    @Test
    void aListOutOfOrderOrWithADateTwiceIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PublicHolidays.load("calendar-fixtures/out-of-order.csv", "fixture"))
                .withMessageContaining("2025-01-01 is out of order or listed twice");
        assertThatIllegalStateException()
                .isThrownBy(() -> PublicHolidays.load("calendar-fixtures/duplicate.csv", "fixture"))
                .withMessageContaining("2025-01-01 is out of order or listed twice");
    }
}
