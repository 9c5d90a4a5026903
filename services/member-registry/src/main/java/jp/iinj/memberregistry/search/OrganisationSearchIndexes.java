package jp.iinj.memberregistry.search;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import jp.iinj.memberregistry.organisation.Organisation;
import reactor.core.publisher.Flux;

/**
 * The indexes behind the common lists: equality filters first (bureau, status, prefecture, cluster), then the sort
 * field and {@code _id}, so that a page is read in index order and a cursor seeks instead of skipping. Each serves
 * both directions. Created before the service accepts traffic; creating an existing index is a no-op.
 */
@Component
class OrganisationSearchIndexes implements ApplicationRunner {

    static final List<Index> INDEXES = List.of(
            // a regional body's default view, and its "applications waiting" view with status=APPLIED
            new Index().named("search_bureau_status_registered").on("profile.bureau", Direction.ASC)
                    .on("membership.status", Direction.ASC).on("membership.registeredAt", Direction.ASC)
                    .on("_id", Direction.ASC),
            new Index().named("search_bureau_registered").on("profile.bureau", Direction.ASC)
                    .on("membership.registeredAt", Direction.ASC).on("_id", Direction.ASC),
            new Index().named("search_bureau_name").on("profile.bureau", Direction.ASC)
                    .on("normalisedName", Direction.ASC).on("_id", Direction.ASC),
            new Index().named("search_bureau_updated").on("profile.bureau", Direction.ASC)
                    .on("updatedAt", Direction.ASC).on("_id", Direction.ASC),
            new Index().named("search_prefecture_registered").on("profile.prefectureCode", Direction.ASC)
                    .on("membership.registeredAt", Direction.ASC).on("_id", Direction.ASC),
            new Index().named("search_cluster_registered").on("profile.clusterIds", Direction.ASC)
                    .on("membership.registeredAt", Direction.ASC).on("_id", Direction.ASC),
            // administrators' view of every bureau
            new Index().named("search_registered").on("membership.registeredAt", Direction.ASC)
                    .on("_id", Direction.ASC));

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;

    OrganisationSearchIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        // blocking on purpose: the service is not ready before its lists are indexed
        Flux.fromIterable(INDEXES)
                .concatMap(index -> mongo.indexOps(Organisation.class).createIndex(index))
                .then()
                .block(TIMEOUT);
    }
}
