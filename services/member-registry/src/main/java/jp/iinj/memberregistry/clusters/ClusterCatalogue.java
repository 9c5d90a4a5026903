package jp.iinj.memberregistry.clusters;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.memberregistry.profile.KnownClusters;
import reactor.core.publisher.Mono;

/**
 * Reads the cluster catalogue, for its API and for other features: an organisation's cluster affiliations are
 * checked with {@link #unknownOrInactive}. Ids that are not of the catalogue's shape are never looked up.
 */
@Component
public class ClusterCatalogue implements KnownClusters {

    /** The catalogue has some dozens of clusters; a listing shows at most this many and says when it stopped. */
    public static final int LISTING_LIMIT = 500;
    /** The most ids one lookup takes; callers bound their requests (e.g. {@code @Size}) below it. */
    public static final int LOOKUP_LIMIT = 500;

    private static final Sort LISTING_ORDER = Sort.by(Sort.Order.asc("bureau"), Sort.Order.asc("name"),
            Sort.Order.asc("id"));

    private final ReactiveMongoTemplate mongo;

    public ClusterCatalogue(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The cluster, active or not; empty when there is none (or the id is not even well-formed). */
    public Mono<Cluster> byId(String id) {
        return Cluster.isWellFormedId(id) ? mongo.findById(id, Cluster.class) : Mono.empty();
    }

    /** The clusters among {@code ids} that exist, active or not, by id; unknown and ill-formed ids are left out. */
    public Mono<Map<String, Cluster>> byIds(Collection<String> ids) {
        return Mono.defer(() -> {
            Set<String> wellFormed = wellFormed(ids);
            if (wellFormed.isEmpty()) {
                return Mono.just(Map.<String, Cluster>of());
            }
            return mongo.find(Query.query(where("id").in(wellFormed)), Cluster.class)
                    .collectMap(Cluster::id, Function.identity())
                    .map(Map::copyOf);
        });
    }

    /**
     * The ids among {@code ids} that an organisation may not (newly) be affiliated with: unknown, ill-formed or
     * inactive. Empty when all are active clusters.
     *
     * <p>A {@code null} id fails the result with a NullPointerException: callers validate their input first.
     */
    @Override
    public Mono<Set<String>> unknownOrInactive(Collection<String> ids) {
        return Mono.defer(() -> {
            Set<String> asked = Set.copyOf(ids);
            return byIds(asked).map(found -> asked.stream()
                    .filter(id -> found.get(id) == null || !found.get(id).active())
                    .collect(Collectors.toUnmodifiableSet()));
        });
    }

    /** The clusters the filter selects, by bureau id, then name (code point order), at most {@link #LISTING_LIMIT}. */
    public Mono<Listing> list(ClusterFilter filter) {
        Query query = Query.query(filter.criteria()).with(LISTING_ORDER).limit(LISTING_LIMIT + 1);
        return mongo.find(query, Cluster.class).collectList()
                .map(found -> found.size() > LISTING_LIMIT
                        ? new Listing(List.copyOf(found.subList(0, LISTING_LIMIT)), true)
                        : new Listing(List.copyOf(found), false));
    }

    /** @param truncated more clusters match than {@link #LISTING_LIMIT} */
    public record Listing(List<Cluster> clusters, boolean truncated) {
    }

    private static Set<String> wellFormed(Collection<String> ids) {
        Set<String> wellFormed = new LinkedHashSet<>();
        for (String id : ids) {
            Objects.requireNonNull(id, "cluster id");
            if (Cluster.isWellFormedId(id)) {
                wellFormed.add(id);
            }
        }
        if (wellFormed.size() > LOOKUP_LIMIT) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "At most " + LOOKUP_LIMIT + " cluster ids can be looked up at once.");
        }
        return wellFormed;
    }
}
