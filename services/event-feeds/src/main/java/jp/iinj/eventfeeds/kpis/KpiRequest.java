package jp.iinj.eventfeeds.kpis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.QueryParameters;

/**
 * The query string of a KPI request, checked: only {@code asOf}, once.
 *
 * @param asOf the day (Japan's calendar) whose end the figures are as of; today when not given, never a later day
 */
public record KpiRequest(LocalDate asOf) {

    private static final Set<String> PARAMETERS = Set.of("asOf");
    private static final Pattern DAY = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    /** @throws FieldValidationException naming every parameter that is unknown, repeated or invalid */
    public static KpiRequest from(MultiValueMap<String, String> query, LocalDate today) {
        List<InvalidField> problems = new ArrayList<>();
        QueryParameters.check(query, PARAMETERS, Set.of(), problems);
        LocalDate asOf = today;
        String given = query.getFirst("asOf");
        if (given != null) {
            asOf = null;
            if (DAY.matcher(given).matches()) {
                try {
                    asOf = LocalDate.parse(given);
                } catch (DateTimeException notADay) {
                    // reported below
                }
            }
            if (asOf == null) {
                problems.add(new InvalidField("asOf", "a day as YYYY-MM-DD"));
            } else if (asOf.isAfter(today)) {
                problems.add(new InvalidField("asOf", "a day up to today (" + today + ", Asia/Tokyo)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new KpiRequest(asOf);
    }
}
