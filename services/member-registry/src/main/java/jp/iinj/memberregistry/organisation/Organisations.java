package jp.iinj.memberregistry.organisation;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Reads organisations. Writes go through the eventing library's AggregateStore, together with their events. */
@Component
public class Organisations {

    private final ReactiveMongoTemplate mongo;

    public Organisations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Organisation> byId(String id) {
        return mongo.findById(id, Organisation.class);
    }
}
