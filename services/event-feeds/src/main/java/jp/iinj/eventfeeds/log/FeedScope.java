package jp.iinj.eventfeeds.log;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which events of the log a reader may see: those of their bureaus (an event's {@code bureau} attribute), or all of
 * them for administrators. No filter a reader chooses can widen it: filters only narrow what the scope lets through.
 */
public record FeedScope(Set<String> bureaus, boolean unlimited) {

    public FeedScope {
        bureaus = Set.copyOf(bureaus);
    }

    public static FeedScope of(Set<String> bureaus) {
        return new FeedScope(bureaus, false);
    }

    public static FeedScope everything() {
        return new FeedScope(Set.of(), true);
    }

    public boolean allows(FeedEvent event) {
        return unlimited || event.bureau() != null && bureaus.contains(event.bureau());
    }

    Optional<Criteria> criteria() {
        return unlimited ? Optional.empty() : Optional.of(where("bureau").in(bureaus));
    }
}
