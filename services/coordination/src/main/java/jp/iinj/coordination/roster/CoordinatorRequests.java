package jp.iinj.coordination.roster;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.iinj.httpapi.core.validation.FreeText;
import jp.iinj.httpapi.core.validation.TechnologyFields;

/** The bodies of the roster API. Only what a client may set: no id, status, revision or timestamps. */
public final class CoordinatorRequests {

    static final String BUREAU_IDS = "^(hokkaido|tohoku|kanto|chubu|kinki|chugoku|shikoku|kyushu|okinawa)$";

    private CoordinatorRequests() {
    }

    /**
     * A person put on the roster.
     *
     * @param subject the identity subject of their account (the {@code sub} of their tokens)
     */
    public record NewCoordinator(
            @NotNull(message = "must not be null")
            @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$", message = "not an identity subject")
            String subject,
            @NotNull(message = "must not be null") @Valid CoordinatorInput entry) {
    }

    /**
     * What the roster says of a coordinator; a replacement, not a patch.
     *
     * @param bureaus        bureau ids covered, at least one
     * @param prefectures    JIS X 0401 codes, each in a covered bureau; none: all of the bureaus
     * @param technologyFields ids of the technology-field vocabulary
     * @param jsicDivisions  JSIC revision 14 division letters, A to T
     * @param languages      ISO 639-1 codes, e.g. ja, en
     * @param capacity       the most open cases at a time, 1 to 100
     */
    public record CoordinatorInput(
            @FreeText(max = 100, required = true) String name,
            @NotNull(message = "must not be null") @Size(min = 1, max = 9, message = "1 to 9 entries")
            List<@NotNull(message = "must not be null") @Pattern(regexp = BUREAU_IDS, message = "not a bureau id")
                 String> bureaus,
            @Size(max = 47, message = "at most 47 entries")
            List<@NotNull(message = "must not be null")
                 @Pattern(regexp = "^[0-9]{2}$", message = "a JIS X 0401 prefecture code") String> prefectures,
            @TechnologyFields(max = 10) List<String> technologyFields,
            @Size(max = 20, message = "at most 20 entries")
            List<@NotNull(message = "must not be null")
                 @Pattern(regexp = "^[A-T]$", message = "a JSIC revision 14 division letter, A to T") String> jsicDivisions,
            @NotNull(message = "must not be null") @Size(min = 1, max = 10, message = "1 to 10 entries")
            List<@NotNull(message = "must not be null")
                 @Pattern(regexp = "^[a-z]{2}$", message = "an ISO 639-1 language code such as ja or en") String> languages,
            @NotNull(message = "must not be null") @Min(value = 1, message = "at least 1")
            @Max(value = 100, message = "at most 100") Integer capacity,
            @NotNull(message = "must not be null") @Valid AvailabilityInput availability) {
    }

    /**
     * {@code ACTIVE} without dates, or {@code AWAY} with both, {@code from} not after {@code to}.
     */
    public record AvailabilityInput(@NotNull(message = "must not be null") Availability.Status status,
                                    LocalDate from, LocalDate to) {
    }

    /** The roster, as far as the caller may see it, by name. */
    public record CoordinatorList(List<CoordinatorResponse> items) {
    }
}
