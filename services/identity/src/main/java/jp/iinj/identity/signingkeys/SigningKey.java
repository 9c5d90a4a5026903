package jp.iinj.identity.signingkeys;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An RSA 2048 signing key as stored in {@code signing_keys}.
 *
 * @param kid        the {@code kid} header of the tokens it signs; {@code _id}
 * @param activeSlot {@code "active"} on the one ACTIVE key, absent on retired ones: a unique sparse index on it makes
 *                   a second ACTIVE key impossible, whichever instance tries to create it
 * @param publicKey  X.509 SubjectPublicKeyInfo, base64
 * @param privateKey PKCS#8, base64, in the clear: only in documents written before the keys were encrypted, until
 *                   the next start seals it ({@link SigningKeys}); absent otherwise
 * @param sealedPrivateKey the private key encrypted with the key-encryption key
 */
@Document(SigningKey.COLLECTION)
record SigningKey(
        @Id String kid,
        SigningKeyStatus status,
        String activeSlot,
        Instant createdAt,
        Instant retiredAt,
        String publicKey,
        String privateKey,
        SealedPrivateKey sealedPrivateKey) {

    static final String COLLECTION = "signing_keys";
    static final String ACTIVE_SLOT = "active";

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", status=" + status + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
