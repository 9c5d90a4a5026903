package jp.iinj.identity.preferences;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The language each person chose in the portal, kept with identity so that it follows them to any browser: one
 * document per account in {@value #COLLECTION} (an upsert, a single-document write), and the standard OIDC claim
 * {@code locale} in their ID token at the next sign-in.
 */
@Component
public class LanguagePreferences {

    static final String COLLECTION = "language_preferences";
    public static final Set<String> LANGUAGES = Set.of("ja", "en");

    private final MongoTemplate mongo;
    private final Clock clock;

    LanguagePreferences(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<String> of(String accountId) {
        Document preference = mongo.findOne(Query.query(where("_id").is(accountId)), Document.class, COLLECTION);
        return Optional.ofNullable(preference).map(document -> document.getString("language")).filter(LANGUAGES::contains);
    }

    public void choose(String accountId, String language) {
        mongo.upsert(Query.query(where("_id").is(accountId)),
                new Update().set("language", language).set("chosenAt", java.util.Date.from(clock.instant())), COLLECTION);
    }
}
