package jp.iinj.memberregistry.clusters;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Administrators add clusters and change them. A change names the revision it was based on and is written by one
 * atomic update guarded by that revision, so of two administrators editing the same version only one wins.
 * No events yet: nothing outside the registry follows the catalogue.
 */
@Service
public class ClusterAdministration {

    private final ReactiveMongoTemplate mongo;
    private final ClusterCatalogue catalogue;
    private final Clock clock;

    public ClusterAdministration(ReactiveMongoTemplate mongo, ClusterCatalogue catalogue, Clock clock) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    Mono<Cluster> add(ClusterContent content) {
        return mongo.insert(Cluster.created(content, clock.instant()))
                .onErrorMap(DuplicateKeyException.class, duplicate -> duplicateOf(content, duplicate));
    }

    /** Replaces the editable fields of revision {@code expectedRevision}; a replacement that changes nothing is no change. */
    Mono<Cluster> replace(String id, long expectedRevision, ClusterContent content) {
        return catalogue.byId(id)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no cluster " + id)))
                .flatMap(current -> {
                    if (current.revision() != expectedRevision) {
                        return Mono.error(stale(id));
                    }
                    if (current.content().equals(content)) {
                        return Mono.just(current);
                    }
                    Query sameRevision = Query.query(where("id").is(id).and("revision").is(expectedRevision));
                    return mongo.findAndModify(sameRevision, changesTo(content), FindAndModifyOptions.options().returnNew(true),
                                    Cluster.class)
                            // changed between our read and our write
                            .switchIfEmpty(Mono.error(() -> stale(id)));
                })
                .onErrorMap(DuplicateKeyException.class, duplicate -> duplicateOf(content, duplicate));
    }

    private Update changesTo(ClusterContent content) {
        Update update = new Update()
                .set("name", content.name())
                .set("normalisedName", Cluster.normalised(content.name()))
                .set("programme", content.programme())
                .set("bureau", content.bureau())
                .set("active", content.active())
                .set("updatedAt", clock.instant())
                .inc("revision", 1);
        return content.englishName() == null ? update.unset("englishName") : update.set("englishName", content.englishName());
    }

    private static PreconditionFailedException stale(String id) {
        return new PreconditionFailedException("cluster " + id + " has changed since the version named in If-Match; "
                + "read it again and send its ETag");
    }

    private static ConflictException duplicateOf(ClusterContent content, DuplicateKeyException duplicate) {
        return new ConflictException("the catalogue already has a cluster named " + content.name() + " under "
                + content.programme() + " in bureau " + content.bureau(), duplicate);
    }
}
