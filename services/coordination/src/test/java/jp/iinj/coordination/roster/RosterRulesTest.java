package jp.iinj.coordination.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

class RosterRulesTest {

    private static CoordinatorRequests.CoordinatorInput input(List<String> bureaus, List<String> prefectures,
                                                              CoordinatorRequests.AvailabilityInput availability) {
        return new CoordinatorRequests.CoordinatorInput(" 田中 一 ", bureaus, prefectures, List.of("ict", "ict"),
                List.of("E"), List.of("ja", "en", "ja"), 8, availability);
    }

    private static CoordinatorRequests.AvailabilityInput active() {
        return new CoordinatorRequests.AvailabilityInput(Availability.Status.ACTIVE, null, null);
    }

    private static List<InvalidField> problemsOf(CoordinatorRequests.CoordinatorInput input) {
        try {
            RosterRules.checked(input, "entry.");
            return List.of();
        } catch (FieldValidationException refused) {
            return refused.errors();
        }
    }

    @Test
    void aValidEntryIsStrippedAndListsLoseTheirDuplicates() {
        RosterEntry entry = RosterRules.checked(input(List.of("kanto", "kinki", "kanto"), List.of("13", "27", "13"),
                active()), "");

        assertThat(entry.name()).isEqualTo("田中 一");
        assertThat(entry.bureaus()).containsExactly("kanto", "kinki");
        assertThat(entry.prefectures()).containsExactly("13", "27");
        assertThat(entry.technologyFields()).containsExactly("ict");
        assertThat(entry.languages()).containsExactly("ja", "en");
        assertThat(entry.availability()).isEqualTo(Availability.active());
    }

    @Test
    void everyPrefectureMustExistAndLieInACoveredBureau() {
        // 27 Osaka is in kinki; 15 Niigata is in kanto by METI's map, not in chubu; 99 does not exist
        assertThat(problemsOf(input(List.of("kanto"), List.of("13", "27", "15", "99"), active())))
                .extracting(InvalidField::field)
                .containsExactly("entry.prefectures[1]", "entry.prefectures[3]");
        assertThat(problemsOf(input(List.of("kanto"), List.of("27"), active())).get(0).message())
                .contains("Osaka is in the kinki bureau");
    }

    @Test
    void awayNeedsBothDaysInOrderAndActiveNone() {
        LocalDate day = LocalDate.of(2026, 8, 10);
        assertThat(problemsOf(input(List.of("kanto"), List.of(),
                new CoordinatorRequests.AvailabilityInput(Availability.Status.AWAY, day, day)))).isEmpty();
        assertThat(problemsOf(input(List.of("kanto"), List.of(),
                new CoordinatorRequests.AvailabilityInput(Availability.Status.AWAY, day, day.minusDays(1)))))
                .extracting(InvalidField::field).containsExactly("entry.availability.to");
        assertThat(problemsOf(input(List.of("kanto"), List.of(),
                new CoordinatorRequests.AvailabilityInput(Availability.Status.AWAY, null, null))))
                .extracting(InvalidField::field)
                .containsExactly("entry.availability.from", "entry.availability.to");
        assertThat(problemsOf(input(List.of("kanto"), List.of(),
                new CoordinatorRequests.AvailabilityInput(Availability.Status.ACTIVE, day, null))))
                .extracting(InvalidField::field).containsExactly("entry.availability");
    }

    @Test
    void anAwayEntryBecomesACandidateAwayOnThoseDaysOnly() {
        LocalDate from = LocalDate.of(2026, 8, 10);
        RosterEntry entry = RosterRules.checked(input(List.of("kanto"), List.of(),
                new CoordinatorRequests.AvailabilityInput(Availability.Status.AWAY, from, from.plusDays(6))), "");
        var candidate = Coordinator.rostered("c", "s", entry, "admin", java.time.Instant.EPOCH).asCandidate(2, null);

        assertThat(candidate.awayOn(from.minusDays(1))).isFalse();
        assertThat(candidate.awayOn(from)).isTrue();
        assertThat(candidate.awayOn(from.plusDays(6))).isTrue();
        assertThat(candidate.awayOn(from.plusDays(7))).isFalse();
        assertThat(candidate.openCases()).isEqualTo(2);
        assertThatThrownBy(() -> Coordinator.rostered("c", "s", entry, "admin", java.time.Instant.EPOCH)
                .reactivated("admin", java.time.Instant.EPOCH)).hasMessageContaining("already active");
    }
}
