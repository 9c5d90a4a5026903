package jp.iinj.identity.signingkeys;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jp.iinj.identity.clients.MachineClients;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.identity.support.StandaloneIdentity;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The private signing keys are encrypted at rest with the key-encryption key from configuration: the stored
 * documents hold no private key material, tokens are still signed and verify against the JWKS, a missing or wrong
 * key-encryption key stops the start with a message that says so, and keys an earlier version stored in the clear are
 * sealed in place at start.
 */
@IdentityIntegrationTest
class SigningKeyEncryptionIT {

    private static final List<String> JWK_PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SigningKeys keys;
    @Autowired
    MachineClients clients;

    @TempDir
    Path mail;

    @Test
    void theStoredKeysHoldNoPrivateKeyMaterialInTheClear() throws Exception {
        RSAKey active = keys.active();
        String pkcs8 = Base64.getEncoder().encodeToString(active.toRSAPrivateKey().getEncoded());

        List<Document> stored = mongo.getCollection(SigningKey.COLLECTION).find().into(new ArrayList<>());

        assertThat(stored).extracting(document -> document.get("_id")).contains(active.getKeyID());
        for (Document document : stored) {
            assertThat(document).doesNotContainKey("privateKey");
            assertThat(fieldNames(document)).doesNotContainAnyElementsOf(JWK_PRIVATE_MEMBERS);
            assertThat(document.get("sealedPrivateKey", Document.class))
                    .containsEntry("format", SealedPrivateKey.FORMAT_V1)
                    .containsKeys("keyEncryptionKeyId", "nonce", "ciphertext");
            String json = document.toJson();
            assertThat(json).doesNotContain(pkcs8)
                    .doesNotContain(active.getPrivateExponent().toString())
                    .doesNotContain(active.getFirstPrimeFactor().toString());
        }
    }

    @Test
    void tokensAreSignedWithTheSealedKeyAndVerifyAgainstTheJwks() {
        String token = machineToken(clients, port);

        assertThat(Jwks.kid(token)).isEqualTo(keys.active().getKeyID());
        assertThat(Jwks.verifies(token, Jwks.fetch(port))).isTrue();
    }

    @Test
    void aWrongKeyEncryptionKeyStopsTheStartSayingSo() {
        String database = database();
        String kid;
        try (ConfigurableApplicationContext first = StandaloneIdentity.start(database, mail)) {
            kid = first.getBean(SigningKeys.class).active().getKeyID();
        }

        Throwable failure = catchThrowable(() -> StandaloneIdentity.start(database, mail,
                "--iinj.identity.signing-keys.encryption-key=" + randomKey()).close());

        FailureAnalysis analysis = new KeyEncryptionKeyFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("the start failed for the key-encryption key: %s", failure).isNotNull();
        assertThat(analysis.getDescription())
                .startsWith("Signing key " + kid + " was encrypted with key-encryption key kek-")
                .contains("but the configured one is kek-");
        assertThat(analysis.getAction()).contains("IINJ_IDENTITY_KEY_ENCRYPTION_KEY");
    }

    @Test
    void withoutAKeyEncryptionKeyIdentityDoesNotStart() {
        Throwable failure = catchThrowable(() -> StandaloneIdentity.start(database(), mail,
                "--iinj.identity.signing-keys.encryption-key=").close());

        FailureAnalysis analysis = new KeyEncryptionKeyFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("the start failed for the key-encryption key: %s", failure).isNotNull();
        assertThat(analysis.getDescription()).startsWith("No key-encryption key for the signing keys: set IINJ_IDENTITY_KEY_ENCRYPTION_KEY");
    }

    @Test
    void aKeyStoredInTheClearByAnEarlierVersionIsSealedAtStartAndStillSigns() throws Exception {
        String database = database();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String kid = "stored-in-the-clear-" + UUID.randomUUID();
        String clearPrivateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        try (MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri(database))) {
            // the document as versions before encryption at rest wrote it
            client.getDatabase(database).getCollection(SigningKey.COLLECTION).insertOne(new Document("_id", kid)
                    .append("status", "ACTIVE").append("activeSlot", "active").append("createdAt", new Date())
                    .append("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .append("privateKey", clearPrivateKey));
        }

        try (ConfigurableApplicationContext identity = StandaloneIdentity.start(database, mail)) {
            Document stored = identity.getBean(MongoTemplate.class).getCollection(SigningKey.COLLECTION)
                    .find(new Document("_id", kid)).first();
            assertThat(stored).doesNotContainKey("privateKey");
            assertThat(stored.get("sealedPrivateKey", Document.class)).containsEntry("format", SealedPrivateKey.FORMAT_V1);
            assertThat(stored.toJson()).doesNotContain(clearPrivateKey);

            int identityPort = StandaloneIdentity.port(identity);
            String token = machineToken(identity.getBean(MachineClients.class), identityPort);
            assertThat(Jwks.kid(token)).isEqualTo(kid);
            assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
            assertThat(Jwks.verifies(token, Jwks.fetch(identityPort))).isTrue();
        }
    }

    private static String machineToken(MachineClients clients, int port) {
        MachineClients.CreatedClient client = clients.create("sealed signing keys", List.of("kanto"));
        var response = new Api(port).clientCredentials(client.clientId(), client.clientSecret(), "feeds.read");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response).get("access_token").asString();
    }

    private static List<String> fieldNames(Document document) {
        List<String> names = new ArrayList<>();
        document.forEach((name, value) -> {
            names.add(name);
            if (value instanceof Document nested) {
                names.addAll(fieldNames(nested));
            }
        });
        return names;
    }

    private static String database() {
        return "identity-kek-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
