package jp.iinj.coordination.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

/**
 * What Bean Validation cannot say of a roster entry: prefectures that exist and lie in a covered bureau (the
 * reference data's prefecture → bureau mapping), and an availability whose dates fit its status. Duplicates in lists
 * are dropped, keeping the first.
 */
public final class RosterRules {

    private static final PrefectureDirectory PREFECTURES = PrefectureDirectory.current();

    private RosterRules() {
    }

    /**
     * @param path where the entry is in the body ({@code entry.} for a new coordinator, empty for an update), for
     *             the field names of the problem
     * @throws FieldValidationException naming every field that does not fit
     */
    public static RosterEntry checked(CoordinatorRequests.CoordinatorInput input, String path) {
        List<InvalidField> problems = new ArrayList<>();
        List<String> bureaus = distinct(input.bureaus());
        List<String> prefectures = distinct(input.prefectures());
        for (int i = 0; i < prefectures.size(); i++) {
            String code = prefectures.get(i);
            Optional<Prefecture> prefecture = PREFECTURES.byJisCode(code);
            if (prefecture.isEmpty()) {
                problems.add(new InvalidField(path + "prefectures[" + i + "]", "unknown JIS X 0401 prefecture code"));
            } else if (!bureaus.contains(prefecture.get().bureau().id())) {
                problems.add(new InvalidField(path + "prefectures[" + i + "]", prefecture.get().nameEn() + " is in the "
                        + prefecture.get().bureau().id() + " bureau, which this coordinator does not cover"));
            }
        }
        Availability availability = availability(input.availability(), path + "availability", problems);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new RosterEntry(input.name().strip(), bureaus, prefectures, distinct(input.technologyFields()),
                distinct(input.jsicDivisions()), distinct(input.languages()), input.capacity(), availability);
    }

    private static Availability availability(CoordinatorRequests.AvailabilityInput input, String path,
                                             List<InvalidField> problems) {
        if (input.status() == Availability.Status.ACTIVE) {
            if (input.from() != null || input.to() != null) {
                problems.add(new InvalidField(path, "an ACTIVE coordinator has no away dates"));
            }
            return Availability.active();
        }
        if (input.from() == null) {
            problems.add(new InvalidField(path + ".from", "the first day away is required when AWAY"));
        }
        if (input.to() == null) {
            problems.add(new InvalidField(path + ".to", "the last day away is required when AWAY"));
        }
        if (input.from() != null && input.to() != null && input.from().isAfter(input.to())) {
            problems.add(new InvalidField(path + ".to", "must not be before from"));
        }
        return Availability.away(input.from(), input.to());
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
