package jp.iinj.eventfeeds.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import jp.iinj.eventfeeds.log.FeedCursor;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.QueryParameters;

/**
 * The query string of a pull, checked: only these parameters, each once.
 *
 * @param after the cursor the previous pull's {@code Link: rel="next"} gave; none: from the beginning of the log
 * @param limit 1–500 events (100)
 */
public record PullRequest(FeedCursor after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Set<String> PARAMETERS = Set.of("after", "limit");

    /** @throws FieldValidationException naming every parameter that is unknown, repeated or invalid */
    public static PullRequest from(MultiValueMap<String, String> query) {
        List<InvalidField> problems = new ArrayList<>();
        QueryParameters.check(query, PARAMETERS, Set.of(), problems);
        FeedCursor after = FeedCursor.START;
        try {
            after = FeedCursor.parse(query.getFirst("after"), "after");
        } catch (FieldValidationException notACursor) {
            problems.addAll(notACursor.errors());
        }
        int limit = QueryParameters.limit("limit", query.getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new PullRequest(after, limit);
    }
}
