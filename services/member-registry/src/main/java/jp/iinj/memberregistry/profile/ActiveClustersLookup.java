package jp.iinj.memberregistry.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Reads the cluster catalogue's collection ({@code clusters}: {@code _id}, {@code active}) for profile checks. */
@Component
class ActiveClustersLookup implements KnownClusters {

    private final ReactiveMongoTemplate mongo;

    ActiveClustersLookup(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Set<String>> unknownOrInactive(Collection<String> clusterIds) {
        Query active = Query.query(where("_id").in(clusterIds).and("active").is(true));
        active.fields().include("_id");
        return mongo.find(active, Document.class, "clusters")
                .map(cluster -> String.valueOf(cluster.get("_id")))
                .collect(java.util.stream.Collectors.toSet())
                .map(found -> {
                    Set<String> missing = new HashSet<>(clusterIds);
                    missing.removeAll(found);
                    return missing;
                });
    }
}
