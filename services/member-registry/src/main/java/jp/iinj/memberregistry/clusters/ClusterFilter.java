package jp.iinj.memberregistry.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;

import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

/**
 * Which clusters a listing shows. Built only from allow-listed values, so nothing a client sends reaches the query
 * as it was sent.
 *
 * @param programme empty: any
 * @param bureau    a known bureau id; empty: any
 * @param active    {@code true}: active only, {@code false}: inactive only, empty: both
 */
public record ClusterFilter(Optional<ClusterProgramme> programme, Optional<RegionalBureau> bureau,
                            Optional<Boolean> active) {

    /** What the registration form needs: every active cluster. */
    public static final ClusterFilter ACTIVE = new ClusterFilter(Optional.empty(), Optional.empty(), Optional.of(true));

    static final String ACTIVE_ONLY = "true";
    static final String INACTIVE_ONLY = "false";
    static final String ACTIVE_AND_INACTIVE = "all";

    /**
     * The filter of a listing's query parameters; {@code null} for a parameter that was not sent.
     *
     * @param active {@code true} (also when absent), {@code false} or {@code all}
     */
    static ClusterFilter of(String programme, String bureau, String active) {
        List<InvalidField> problems = new ArrayList<>();
        Optional<ClusterProgramme> programmeFilter = Optional.empty();
        if (programme != null) {
            programmeFilter = Arrays.stream(ClusterProgramme.values()).filter(known -> known.name().equals(programme))
                    .findFirst();
            if (programmeFilter.isEmpty()) {
                problems.add(new InvalidField("programme", "one of " + Arrays.toString(ClusterProgramme.values())));
            }
        }
        Optional<RegionalBureau> bureauFilter = Optional.empty();
        if (bureau != null) {
            bureauFilter = RegionalBureau.byId(bureau);
            if (bureauFilter.isEmpty()) {
                problems.add(new InvalidField("bureau", "unknown regional bureau; one of " + ClusterContent.KNOWN_BUREAUS));
            }
        }
        Optional<Boolean> activeFilter = Optional.of(true);
        if (active != null) {
            switch (active) {
                case ACTIVE_ONLY -> activeFilter = Optional.of(true);
                case INACTIVE_ONLY -> activeFilter = Optional.of(false);
                case ACTIVE_AND_INACTIVE -> activeFilter = Optional.empty();
                default -> problems.add(new InvalidField("active", "one of true, false, all"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new ClusterFilter(programmeFilter, bureauFilter, activeFilter);
    }

    Criteria criteria() {
        Criteria criteria = new Criteria();
        programme.ifPresent(value -> criteria.and("programme").is(value));
        bureau.ifPresent(value -> criteria.and("bureau").is(value.id()));
        active.ifPresent(value -> criteria.and("active").is(value));
        return criteria;
    }
}
