package jp.iinj.identity.onetimetokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Mailed one-time tokens: 32 random bytes, URL-safe base64 (43 characters), of which only the SHA-256 is stored.
 * A token is read ({@link #usable}) before the work it authorises is validated, and spent ({@link #spend}) with one
 * atomic write, so that a weak password does not burn the link and a token is never used twice.
 */
@Component
public class OneTimeTokens implements InitializingBean {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;

    public OneTimeTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(OneTimeToken.COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC));
    }

    /** A new token; the returned string is the only copy of it (it goes into a mail). */
    public String issue(TokenPurpose purpose, String accountId, String email, String memberId, String issuedBy,
                        Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.insert(new OneTimeToken(hash(token), purpose, accountId, email, memberId, issuedBy, now, now.plus(ttl),
                null));
        return token;
    }

    /**
     * The token if it may be used now for one of {@code purposes}.
     *
     * @throws ProblemException 400 for a token that does not exist (or not for this purpose), 410 for one that was
     *                          used or has expired
     */
    public OneTimeToken usable(String token, Set<TokenPurpose> purposes) {
        OneTimeToken found = FORMAT.matcher(token).matches() ? mongo.findById(hash(token), OneTimeToken.class) : null;
        if (found == null || !purposes.contains(found.purpose())) {
            throw new FieldValidationException("token", "Unknown token.");
        }
        if (found.spent()) {
            throw ProblemException.gone("This link has already been used.");
        }
        if (found.expiredAt(clock.instant())) {
            throw ProblemException.gone("This link has expired.");
        }
        return found;
    }

    /** Marks the token used, atomically: of two concurrent requests, one wins, the other gets 410. */
    public OneTimeToken spend(String token, Set<TokenPurpose> purposes) {
        OneTimeToken usable = usable(token, purposes);
        Instant now = clock.instant();
        OneTimeToken spent = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(usable.hash()).and("spentAt").is(null).and("expiresAt").gt(now)),
                new Update().set("spentAt", now),
                FindAndModifyOptions.options().returnNew(true),
                OneTimeToken.class);
        if (spent == null) {
            throw new ProblemException(ProblemType.GONE, "This link has already been used.");
        }
        return spent;
    }

    /** How many tokens of this purpose were issued for the account since {@code since}, spent or not. */
    public long issuedSince(String accountId, TokenPurpose purpose, Instant since) {
        return mongo.count(Query.query(Criteria.where("accountId").is(accountId).and("purpose").is(purpose)
                .and("createdAt").gte(since)), OneTimeToken.class);
    }

    /** Spends every unspent token of these purposes for the account, e.g. older reset links once a password is set. */
    public void revokeAll(String accountId, Set<TokenPurpose> purposes) {
        mongo.updateMulti(
                Query.query(Criteria.where("accountId").is(accountId).and("purpose").in(purposes).and("spentAt").is(null)),
                new Update().set("spentAt", clock.instant()),
                OneTimeToken.class);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
