package jp.iinj.memberregistry.storedtext;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jp.iinj.httpapi.core.text.TextPolicy;
import jp.iinj.memberregistry.clusters.Cluster;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.people.OrganisationPerson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds text stored before the platform's text policy that the policy refuses now (what the black-box probe of issue
 * 12 left: names with bidirectional overrides, zero-width characters...). It reports, it never rewrites: stored values
 * are served as stored until someone with the right to change them writes a corrected value, which must then pass the
 * policy. Runs once per database and policy version, in the background after the start of whichever instance claims
 * it first ({@code stored_text_audits}), not at every start of every instance: a full read of the members is not
 * start-up work. It logs a warning per finding (document, field, what is wrong; never the text); {@link #findings()}
 * is the same check on demand.
 */
@Component
class StoredTextAudit {

    /** The collections holding text people sent. */
    static final List<String> COLLECTIONS = List.of(Organisation.COLLECTION, Cluster.COLLECTION,
            OrganisationPerson.COLLECTION);

    private static final Logger log = LoggerFactory.getLogger(StoredTextAudit.class);
    // the outbox holds copies of the fields for events not yet published; the fields themselves are reported
    private static final String OUTBOX_PREFIX = "outbox";
    /** Where an instance claims the audit; one document per policy version, so a stricter policy is audited again. */
    static final String CLAIMS = "stored_text_audits";
    static final String POLICY_VERSION = "text-policy-1";

    private final ReactiveMongoTemplate mongo;

    StoredTextAudit(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param path    the field in the stored document, e.g. {@code profile.englishName} or {@code profile.keywords[1]}
     * @param problem what the policy says, e.g. {@code must not contain bidirectional formatting characters (U+202E at
     *                position 1)}
     */
    record Finding(String collection, Object id, String path, String problem) {
    }

    /** Every stored string the policy refuses, collection by collection. Line feeds are not findings (notes have them). */
    Flux<Finding> findings() {
        return Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> mongo.find(new Query(), Document.class, collection)
                        .concatMapIterable(document -> findingsIn(collection, document)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportOnceStarted() {
        claimed()
                .flatMapMany(claimed -> claimed ? findings() : Flux.<Finding>empty())
                .subscribe(
                        finding -> log.warn("Stored text the text policy refuses: {} {} {}: {}. It is served as stored; a "
                                        + "corrected write fixes it (member-registry README, \"Text stored before the text "
                                        + "policy\").", finding.collection(), finding.id(), finding.path(), finding.problem()),
                        failure -> log.warn("The check of stored text could not finish", failure));
    }

    /** True for the one instance whose insert of this policy version's claim succeeds. */
    Mono<Boolean> claimed() {
        return mongo.insert(new Document("_id", POLICY_VERSION).append("claimedAt", new Date()), CLAIMS)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, alreadyClaimed -> Mono.just(false));
    }

    static List<Finding> findingsIn(String collection, Document document) {
        List<Finding> findings = new ArrayList<>();
        Object id = document.get("_id");
        document.forEach((name, value) -> {
            if (!name.equals("_id") && !name.startsWith(OUTBOX_PREFIX)) {
                walk(value, name, (path, problem) -> findings.add(new Finding(collection, id, path, problem)));
            }
        });
        return findings;
    }

    private static void walk(Object value, String path, BiConsumer<String, String> report) {
        if (value instanceof String text) {
            TextPolicy.problemWith(text, TextPolicy.Lines.MULTIPLE).ifPresent(problem -> report.accept(path, problem));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((name, nested) -> walk(nested, path + "." + name, report));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", report);
            }
        }
    }
}
