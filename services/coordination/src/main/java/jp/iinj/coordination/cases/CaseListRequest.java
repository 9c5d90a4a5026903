package jp.iinj.coordination.cases;

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
 * The query string of the case lists, checked: only these parameters, each once, each from its allow-list. A
 * coordinator has at most their capacity (≤ 100) of open cases and a bureau's queue is short, so one page is enough.
 *
 * @param view   {@code mine} (default): a coordinator's open cases by urgency, or a member's cases;
 *               {@code queue}, {@code overdue}, {@code escalated}: a bureau's, for its regional body
 * @param bureau required by the bureau views
 * @param stage  only with {@code mine}: the cases at this stage
 */
public record CaseListRequest(View view, String bureau, CaseStage stage, int limit) {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 500;

    private static final Set<String> PARAMETERS = Set.of("view", "bureau", "stage", "limit");

    public enum View {
        MINE,
        QUEUE,
        OVERDUE,
        ESCALATED
    }

    /** @throws FieldValidationException naming every parameter that is unknown, repeated or invalid */
    public static CaseListRequest from(MultiValueMap<String, String> query) {
        List<InvalidField> problems = new ArrayList<>();
        QueryParameters.check(query, PARAMETERS, Set.of(), problems);
        View view = View.MINE;
        String viewValue = query.getFirst("view");
        if (viewValue != null) {
            view = Arrays.stream(View.values()).filter(v -> v.name().toLowerCase().equals(viewValue)).findFirst()
                    .orElse(null);
            if (view == null) {
                problems.add(new InvalidField("view", "one of mine, queue, overdue, escalated"));
                view = View.MINE;
            }
        }
        String bureau = query.getFirst("bureau");
        if (bureau != null && RegionalBureau.byId(bureau).isEmpty()) {
            problems.add(new InvalidField("bureau", "unknown bureau; one of " + Arrays.stream(RegionalBureau.values())
                    .map(RegionalBureau::id).collect(Collectors.joining(", "))));
        } else if (bureau == null && view != View.MINE) {
            problems.add(new InvalidField("bureau", "required by the " + view.name().toLowerCase() + " view"));
        }
        CaseStage stage = null;
        String stageValue = query.getFirst("stage");
        if (stageValue != null) {
            stage = Arrays.stream(CaseStage.values()).filter(s -> s.name().equals(stageValue)).findFirst()
                    .orElse(null);
            if (stage == null) {
                problems.add(new InvalidField("stage", "one of " + Arrays.stream(CaseStage.values()).map(Enum::name)
                        .collect(Collectors.joining(", "))));
            } else if (view != View.MINE) {
                problems.add(new InvalidField("stage", "only with view=mine"));
            }
        }
        int limit = QueryParameters.limit("limit", query.getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new CaseListRequest(view, bureau, stage, limit);
    }
}
