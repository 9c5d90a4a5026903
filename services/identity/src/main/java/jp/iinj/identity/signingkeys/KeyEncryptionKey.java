package jp.iinj.identity.signingkeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.iinj.identity.IdentityProperties;

/**
 * The key-encryption key (KEK) that keeps the private signing keys encrypted at rest: AES-256-GCM from the JDK, a
 * fresh 96-bit nonce per key, the key id as associated data (a sealed key copied onto another key id does not
 * open). Given by configuration, never stored with the data: {@code IINJ_IDENTITY_KEY_ENCRYPTION_KEY} (base64 of 32
 * bytes) or {@code IINJ_IDENTITY_KEY_ENCRYPTION_KEY_FILE} (a file holding that).
 */
final class KeyEncryptionKey {

    static final String INLINE_VARIABLE = "IINJ_IDENTITY_KEY_ENCRYPTION_KEY";
    static final String FILE_VARIABLE = "IINJ_IDENTITY_KEY_ENCRYPTION_KEY_FILE";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String id;

    private KeyEncryptionKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.id = fingerprint(key);
    }

    /** The configured key; fails with what to set when it is missing, given twice, unreadable or not 32 bytes. */
    static KeyEncryptionKey from(IdentityProperties.SigningKeys settings) {
        boolean inline = settings.encryptionKey() != null && !settings.encryptionKey().isBlank();
        boolean file = settings.encryptionKeyFile() != null && !settings.encryptionKeyFile().isBlank();
        if (inline && file) {
            throw new KeyEncryptionKeyException("The key-encryption key of the signing keys is given twice, inline ("
                    + INLINE_VARIABLE + ") and as a file (" + FILE_VARIABLE + "): give one of them.");
        }
        if (inline) {
            return new KeyEncryptionKey(decode(settings.encryptionKey(), INLINE_VARIABLE));
        }
        if (file) {
            Path path = Path.of(settings.encryptionKeyFile().trim());
            try {
                return new KeyEncryptionKey(decode(Files.readString(path, StandardCharsets.US_ASCII), FILE_VARIABLE + " (" + path + ")"));
            } catch (IOException e) {
                throw new KeyEncryptionKeyException("The key-encryption key file " + path + " (" + FILE_VARIABLE
                        + ") cannot be read: " + e.getMessage(), e);
            }
        }
        throw new KeyEncryptionKeyException("No key-encryption key for the signing keys: set " + INLINE_VARIABLE
                + " to base64 of 32 random bytes (e.g. the output of `openssl rand -base64 32`), or " + FILE_VARIABLE
                + " to a file holding it. The private signing keys are stored encrypted with it.");
    }

    /** Identifies the key without revealing it, so that a wrong key is told apart from a damaged document. */
    String id() {
        return id;
    }

    SealedPrivateKey seal(String kid, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedPrivateKey(SealedPrivateKey.FORMAT_V1, id, base64.encodeToString(nonce),
                    base64.encodeToString(cipher.doFinal(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /** The PKCS#8 bytes of a sealed key; fails naming the cause when this key cannot open it. */
    byte[] open(String kid, SealedPrivateKey sealed) {
        if (!SealedPrivateKey.FORMAT_V1.equals(sealed.format())) {
            throw new KeyEncryptionKeyException("Signing key " + kid + " is sealed in an unknown format '" + sealed.format()
                    + "' (this version reads " + SealedPrivateKey.FORMAT_V1 + "): a newer version of identity wrote it.");
        }
        if (!id.equals(sealed.keyEncryptionKeyId())) {
            throw new KeyEncryptionKeyException("Signing key " + kid + " was encrypted with key-encryption key "
                    + sealed.keyEncryptionKeyId() + ", but the configured one is " + id + ". Start identity with the"
                    + " key-encryption key it had before (" + INLINE_VARIABLE + " or " + FILE_VARIABLE + ").");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, base64.decode(sealed.nonce())));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(base64.decode(sealed.ciphertext()));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new KeyEncryptionKeyException("Signing key " + kid + " cannot be decrypted with the configured"
                    + " key-encryption key " + id + ": its stored document was altered or belongs to another key id.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    private static byte[] decode(String value, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new KeyEncryptionKeyException("The key-encryption key in " + source + " is not base64.");
        }
        if (key.length != KEY_BYTES) {
            throw new KeyEncryptionKeyException("The key-encryption key in " + source + " is " + key.length
                    + " bytes long; AES-256 needs 32 (e.g. the output of `openssl rand -base64 32`).");
        }
        return key;
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("iinj identity key-encryption key".getBytes(StandardCharsets.US_ASCII));
            return "kek-" + HexFormat.of().formatHex(sha256.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
