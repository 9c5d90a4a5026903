package jp.iinj.identity.signingkeys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jp.iinj.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The signing keys, persisted in MongoDB so that every instance, and every restart, signs and verifies with the
 * same keys. One key is ACTIVE and signs; after a rotation the former one is RETIRED and stays published in the
 * JWKS for {@link #retention()} (the longest token lifetime plus clock skew), so that tokens it signed stay valid
 * until they expire; then it is left out and deleted.
 * <p>
 * Each instance reads the keys at most every {@code iinj.identity.signing-keys.cache-ttl}; retention is judged
 * against the injected {@link Clock} at every read.
 * <p>
 * Private keys are stored sealed with the {@link KeyEncryptionKey}. At start an instance seals any key an earlier
 * version stored in the clear, then opens every stored key: a missing or wrong key-encryption key stops the start.
 */
@Service
public class SigningKeys implements InitializingBean {

    /** Spring Authorization Server gives ID tokens a fixed 30-minute lifetime. */
    static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyStore store;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;
    private final IdentityProperties.SigningKeys settings;
    private final Duration retention;
    private final Map<String, RSAKey> parsed = new ConcurrentHashMap<>();

    private volatile Snapshot snapshot;

    SigningKeys(SigningKeyStore store, KeyEncryptionKey keyEncryptionKey, Clock clock, IdentityProperties properties) {
        this.store = store;
        this.keyEncryptionKey = keyEncryptionKey;
        this.clock = clock;
        this.settings = properties.signingKeys();
        Duration longestToken = properties.tokens().accessTokenTtl().compareTo(ID_TOKEN_TTL) > 0
                ? properties.tokens().accessTokenTtl() : ID_TOKEN_TTL;
        this.retention = longestToken.plus(settings.clockSkew());
    }

    /** At start: no key left in the clear, an ACTIVE key, and every stored key opens with the configured KEK. */
    @Override
    public void afterPropertiesSet() {
        sealClearKeys(store.findAll());
        SigningKey active = ensureActive();
        current(true).keys.forEach(this::toJwk);
        log.info("Signing key {} is active; private keys sealed with key-encryption key {}", active.kid(), keyEncryptionKey.id());
    }

    /** How long a retired key stays in the JWKS after its retirement. */
    public Duration retention() {
        return retention;
    }

    /** The key that signs new tokens, with its private part. */
    public RSAKey active() {
        Optional<SigningKey> active = current(false).keys.stream()
                .filter(key -> key.status() == SigningKeyStatus.ACTIVE).findFirst();
        if (active.isEmpty()) {
            // another instance is in the middle of a rotation, or the cache is older than it: read again
            active = current(true).keys.stream().filter(key -> key.status() == SigningKeyStatus.ACTIVE).findFirst();
        }
        return toJwk(active.orElseGet(this::ensureActive));
    }

    /** The public keys to publish and to verify with: the ACTIVE key and RETIRED keys still within retention. */
    public List<RSAKey> published() {
        Instant now = clock.instant();
        return current(false).keys.stream()
                .filter(key -> key.status() == SigningKeyStatus.ACTIVE || key.retiredAt().plus(retention).isAfter(now))
                .map(this::toJwk)
                .map(RSAKey::toPublicJWK)
                .toList();
    }

    /** Every stored key, newest first, without key material. */
    public List<KeyInfo> list() {
        return current(true).keys.stream()
                .map(key -> new KeyInfo(key.kid(), key.status(), key.createdAt(), key.retiredAt(),
                        key.retiredAt() == null ? null : key.retiredAt().plus(retention)))
                .toList();
    }

    /**
     * A new ACTIVE key; the former one is RETIRED and stays published for {@link #retention()}. Keys whose
     * retention has passed are deleted.
     */
    public Rotation rotate() {
        SigningKey previous = store.findActive().orElse(null);
        Instant now = clock.instant();
        if (previous != null && !store.retire(previous.kid(), now)) {
            // rotated concurrently by another request or instance: that rotation stands
            invalidate();
            return new Rotation(ensureActive().kid(), null);
        }
        SigningKey next = ensureActive();
        prune();
        invalidate();
        log.info("Signing keys rotated: {} is active, {} retired", next.kid(), previous == null ? "none" : previous.kid());
        return new Rotation(next.kid(), previous == null ? null : previous.kid());
    }

    /** Scheduled: rotates the active key once it is {@code rotate-every} old, and deletes keys out of retention. */
    @Scheduled(initialDelayString = "${iinj.identity.signing-keys.check-interval:1h}",
            fixedDelayString = "${iinj.identity.signing-keys.check-interval:1h}")
    public void rotateWhenDue() {
        Duration every = settings.rotateEvery();
        SigningKey active = store.findActive().orElse(null);
        if (!every.isZero() && !every.isNegative() && active != null
                && !active.createdAt().plus(every).isAfter(clock.instant())) {
            rotate();
        } else {
            prune();
        }
    }

    void prune() {
        long deleted = store.deleteRetiredBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("{} signing key(s) past their retention deleted", deleted);
            invalidate();
        }
    }

    private SigningKey ensureActive() {
        Optional<SigningKey> active = store.findActive();
        if (active.isPresent()) {
            return active.get();
        }
        SigningKey created = generate();
        try {
            store.insertActive(created);
            invalidate();
            log.info("Signing key {} created", created.kid());
            return created;
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            invalidate();
            return store.findActive().orElseThrow(() -> new IllegalStateException("no active signing key"));
        }
    }

    /** Keys stored in the clear (by versions before encryption at rest, or by one still running beside this one). */
    private void sealClearKeys(List<SigningKey> keys) {
        for (SigningKey key : keys) {
            if (key.privateKey() != null && key.sealedPrivateKey() == null) {
                store.seal(key.kid(), key.privateKey(), keyEncryptionKey.seal(key.kid(), Base64.getDecoder().decode(key.privateKey())));
                log.info("Signing key {} was stored in the clear: now sealed with key-encryption key {}", key.kid(), keyEncryptionKey.id());
            }
        }
    }

    private void invalidate() {
        snapshot = null;
    }

    private Snapshot current(boolean fresh) {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (fresh || current == null || now - current.readAtNanos > settings.cacheTtl().toNanos()) {
            List<SigningKey> keys = store.findAll();
            sealClearKeys(keys);
            current = new Snapshot(keys.stream()
                    .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList(), now);
            snapshot = current;
            List<String> kids = current.keys.stream().map(SigningKey::kid).toList();
            parsed.keySet().retainAll(kids);
        }
        return current;
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            return new SigningKey(kid, SigningKeyStatus.ACTIVE, SigningKey.ACTIVE_SLOT, clock.instant(), null,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), null,
                    keyEncryptionKey.seal(kid, pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private RSAKey toJwk(SigningKey key) {
        return parsed.computeIfAbsent(key.kid(), kid -> {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                Base64.Decoder base64 = Base64.getDecoder();
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                        new X509EncodedKeySpec(base64.decode(key.publicKey())));
                byte[] pkcs8 = key.sealedPrivateKey() != null ? keyEncryptionKey.open(kid, key.sealedPrivateKey())
                        : base64.decode(key.privateKey());
                RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256).issueTime(Date.from(key.createdAt())).build();
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("signing key " + kid + " cannot be read", e);
            }
        });
    }

    private record Snapshot(List<SigningKey> keys, long readAtNanos) {
    }

    /** A key as administrators see it: no key material. */
    public record KeyInfo(String kid, SigningKeyStatus status, Instant createdAt, Instant retiredAt,
                          Instant unpublishedAfter) {
    }

    /** The outcome of a rotation. */
    public record Rotation(String activeKid, String retiredKid) {
    }
}
