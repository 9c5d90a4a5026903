package jp.iinj.contracts.calendar;

import java.time.LocalDate;

/**
 * One day off in Japan: a national holiday (国民の祝日), a substitute holiday (振替休日) or a citizens' holiday
 * (国民の休日).
 *
 * @param nameJa the name as the Cabinet Office gives it, e.g. 成人の日
 * @param nameEn its English name, e.g. Coming of Age Day
 */
public record PublicHoliday(LocalDate date, String nameJa, String nameEn) {
}
