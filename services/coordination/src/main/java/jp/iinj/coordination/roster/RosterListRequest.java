package jp.iinj.coordination.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;

import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.QueryParameters;

/**
 * The query string of the roster list, checked: only these parameters, each once, each from its allow-list. A
 * bureau's roster is some dozens of people, so one page sorted by name is enough (no cursor).
 *
 * @param bureau a bureau id, or null for every bureau the caller may see
 * @param active true (the default): assignable entries; false: deactivated ones
 * @param limit  1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default
 */
public record RosterListRequest(String bureau, boolean active, int limit) {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 500;

    static final String BUREAU = "bureau";
    static final String ACTIVE = "active";
    static final String LIMIT = "limit";
    private static final Set<String> PARAMETERS = Set.of(BUREAU, ACTIVE, LIMIT);

    /** @throws FieldValidationException naming every parameter that is unknown, repeated or invalid */
    public static RosterListRequest from(MultiValueMap<String, String> query) {
        List<InvalidField> problems = new ArrayList<>();
        QueryParameters.check(query, PARAMETERS, Set.of(), problems);
        String bureau = query.getFirst(BUREAU);
        if (bureau != null && RegionalBureau.byId(bureau).isEmpty()) {
            problems.add(new InvalidField(BUREAU, "unknown bureau; one of " + Arrays.stream(RegionalBureau.values())
                    .map(RegionalBureau::id).collect(Collectors.joining(", "))));
        }
        boolean active = true;
        String activeValue = query.getFirst(ACTIVE);
        if (activeValue != null) {
            if (activeValue.equals("true") || activeValue.equals("false")) {
                active = Boolean.parseBoolean(activeValue);
            } else {
                problems.add(new InvalidField(ACTIVE, "true or false"));
            }
        }
        int limit = QueryParameters.limit(LIMIT, query.getFirst(LIMIT), DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new RosterListRequest(bureau, active, limit);
    }
}
