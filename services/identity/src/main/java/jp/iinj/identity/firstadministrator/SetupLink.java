package jp.iinj.identity.firstadministrator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Accounts;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The one-time set-up link of the first administrator (the local platform prints it while no administrator exists).
 * identity knows only the token's SHA-256 and expiry ({@code iinj.identity.first-administrator.setup-token-*}). The token is
 * spent by inserting one document with a fixed id into {@value #COLLECTION}: a second use, on any instance, meets the
 * duplicate key. A refused password does not spend it (checked first); a failure after the claim gives it back.
 */
@Component
public class SetupLink {

    static final String COLLECTION = "first_administrator_setup";
    private static final String CLAIM_ID = "first-administrator";

    /** Whether the link can be used now, and if not, why. */
    public enum State { OPEN, CLOSED, GONE }

    private final IdentityProperties.FirstAdministrator settings;
    private final Accounts accounts;
    private final MongoTemplate mongo;
    private final Clock clock;

    SetupLink(IdentityProperties properties, Accounts accounts, MongoTemplate mongo, Clock clock) {
        this.settings = properties.firstAdministrator();
        this.accounts = accounts;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** CLOSED: no link was configured; GONE: expired, used, or an administrator exists. */
    public State state() {
        if (settings.setupTokenSha256() == null || settings.setupTokenSha256().isBlank()) {
            return State.CLOSED;
        }
        if (expired() || used() || accounts.anyAdministrator()) {
            return State.GONE;
        }
        return State.OPEN;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(settings.setupTokenExpiresAt());
    }

    /** Whether this is the link's token (compared by digest, in constant time). */
    public boolean matches(String token) {
        if (token == null || settings.setupTokenSha256() == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(settings.setupTokenSha256().strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            // a misconfigured digest matches no token (a 404, never a 500)
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(token));
    }

    /** Spends the token: true for the one caller that got it, false when it was spent already. */
    public boolean claim() {
        try {
            mongo.insert(new Document("_id", CLAIM_ID).append("claimedAt", java.util.Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException spent) {
            return false;
        }
    }

    /** Gives the token back after a failure that created nobody. */
    public void release() {
        mongo.remove(Query.query(where("_id").is(CLAIM_ID)), COLLECTION);
    }

    private boolean expired() {
        return settings.setupTokenExpiresAt() != null && !clock.instant().isBefore(settings.setupTokenExpiresAt());
    }

    private boolean used() {
        return mongo.exists(Query.query(where("_id").is(CLAIM_ID)), COLLECTION);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
