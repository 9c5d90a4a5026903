package jp.iinj.identity.signingkeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jp.iinj.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionKeyTest {

    private static final byte[] PRIVATE_KEY = "PKCS#8 bytes of a private key".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void aSealedKeyOpensWithTheSameKeyAndKeyIdAndHidesItsBytes() {
        KeyEncryptionKey kek = KeyEncryptionKey.from(inline(randomKey()));

        SealedPrivateKey sealed = kek.seal("kid-1", PRIVATE_KEY);

        assertThat(sealed.format()).isEqualTo("aes-256-gcm.v1");
        assertThat(sealed.keyEncryptionKeyId()).isEqualTo(kek.id());
        assertThat(Base64.getDecoder().decode(sealed.nonce())).hasSize(12);
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("PKCS#8");
        assertThat(kek.open("kid-1", sealed)).isEqualTo(PRIVATE_KEY);
        assertThat(kek.seal("kid-1", PRIVATE_KEY).nonce()).as("a fresh nonce per seal").isNotEqualTo(sealed.nonce());
    }

    @Test
    void aSealedKeyMovedToAnotherKeyIdDoesNotOpen() {
        KeyEncryptionKey kek = KeyEncryptionKey.from(inline(randomKey()));
        SealedPrivateKey sealed = kek.seal("kid-1", PRIVATE_KEY);

        assertThatThrownBy(() -> kek.open("kid-2", sealed))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessageContaining("kid-2").hasMessageContaining("altered or belongs to another key id");
    }

    @Test
    void anotherKeyEncryptionKeyIsNamedAsTheCause() {
        KeyEncryptionKey sealing = KeyEncryptionKey.from(inline(randomKey()));
        KeyEncryptionKey other = KeyEncryptionKey.from(inline(randomKey()));
        SealedPrivateKey sealed = sealing.seal("kid-1", PRIVATE_KEY);

        assertThat(other.id()).isNotEqualTo(sealing.id());
        assertThatThrownBy(() -> other.open("kid-1", sealed))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessageContaining("was encrypted with key-encryption key " + sealing.id())
                .hasMessageContaining("the configured one is " + other.id());
    }

    @Test
    void theKeyIsReadFromAFile() throws Exception {
        String key = randomKey();
        Path file = Files.writeString(directory.resolve("kek"), key + "\n");

        KeyEncryptionKey fromFile = KeyEncryptionKey.from(settings(null, file.toString()));

        assertThat(fromFile.id()).isEqualTo(KeyEncryptionKey.from(inline(key)).id());
    }

    @Test
    void aMissingUnreadableDoubleOrShortKeyIsRefusedSayingWhatToSet() {
        assertThatThrownBy(() -> KeyEncryptionKey.from(settings(" ", null)))
                .isInstanceOf(KeyEncryptionKeyException.class)
                .hasMessageContaining("No key-encryption key")
                .hasMessageContaining("IINJ_IDENTITY_KEY_ENCRYPTION_KEY").hasMessageContaining("IINJ_IDENTITY_KEY_ENCRYPTION_KEY_FILE");
        assertThatThrownBy(() -> KeyEncryptionKey.from(settings(randomKey(), "/some/file")))
                .isInstanceOf(KeyEncryptionKeyException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> KeyEncryptionKey.from(settings(null, directory.resolve("absent").toString())))
                .isInstanceOf(KeyEncryptionKeyException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> KeyEncryptionKey.from(inline("not base64!")))
                .isInstanceOf(KeyEncryptionKeyException.class).hasMessageContaining("is not base64");
        assertThatThrownBy(() -> KeyEncryptionKey.from(inline(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(KeyEncryptionKeyException.class).hasMessageContaining("16 bytes long; AES-256 needs 32");
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        String key = randomKey();

        assertThat(inline(key).toString()).doesNotContain(key).contains("encryptionKey=****");
    }

    private static IdentityProperties.SigningKeys inline(String key) {
        return settings(key, null);
    }

    private static IdentityProperties.SigningKeys settings(String key, String file) {
        return new IdentityProperties.SigningKeys(Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofSeconds(5), key, file);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
