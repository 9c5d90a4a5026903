package jp.iinj.eventfeeds.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

class KpiRequestTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void todayUnlessADayIsGiven() {
        assertThat(KpiRequest.from(query(), TODAY).asOf()).isEqualTo(TODAY);
        assertThat(KpiRequest.from(query("asOf", "2026-02-28"), TODAY).asOf()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(KpiRequest.from(query("asOf", "2026-12-06"), TODAY).asOf()).isEqualTo(TODAY);
    }

    @Test
    void refusesLaterDaysNonDaysAndUnknownOrRepeatedParameters() {
        assertRefused(query("asOf", "2026-12-07"), "asOf");
        assertRefused(query("asOf", "2026-02-30"), "asOf");
        assertRefused(query("asOf", "06/12/2026"), "asOf");
        assertRefused(query("asOf", "2026-12-06T00:00:00Z"), "asOf");
        assertRefused(query("asOf", ""), "asOf");
        assertRefused(query("asOf", "+2026-01-01"), "asOf");
        assertRefused(query("bureau", "kanto"), "bureau");
        MultiValueMap<String, String> twice = query("asOf", "2026-01-01");
        twice.add("asOf", "2026-01-02");
        assertRefused(twice, "asOf");
    }

    @Test
    void theEndOfADayIsJapans() {
        assertThat(KpiQueries.endOf(LocalDate.of(2026, 4, 30)))
                .isEqualTo(LocalDate.of(2026, 4, 30).atTime(14, 59, 59, 999_999_999).toInstant(ZoneOffset.UTC));
    }

    private static void assertRefused(MultiValueMap<String, String> query, String field) {
        assertThatThrownBy(() -> KpiRequest.from(query, TODAY)).isInstanceOfSatisfying(FieldValidationException.class,
                refused -> assertThat(refused.errors()).extracting(InvalidField::field).containsExactly(field));
    }

    private static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
