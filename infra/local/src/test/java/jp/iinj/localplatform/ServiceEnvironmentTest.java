package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher hands each service: here, identity's key-encryption key. */
class ServiceEnvironmentTest {

    private static final String KEY_FILE = "IINJ_IDENTITY_KEY_ENCRYPTION_KEY_FILE";

    @TempDir
    Path root;

    @Test
    void identityGetsAKeyEncryptionKeyGeneratedOnceInTheDataDirectoryReadableByThisUserOnly() throws Exception {
        PlatformSettings settings = PlatformSettings.read(Map.of(), properties());
        DataDirectory data = DataDirectory.prepare(root);

        Map<String, String> identity = ServiceProcess.environment(spec("identity"), settings, data);

        Path file = Path.of(identity.get(KEY_FILE));
        assertThat(file).isEqualTo(root.resolve("secrets").resolve("identity-key-encryption-key"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        String generated = Files.readString(file);
        Map<String, String> again = ServiceProcess.environment(spec("identity"), settings, DataDirectory.prepare(root));
        assertThat(Files.readString(Path.of(again.get(KEY_FILE)))).as("kept across starts").isEqualTo(generated);

        assertThat(ServiceProcess.environment(spec("member-registry"), settings, data)).doesNotContainKey(KEY_FILE);
    }

    @Test
    void aKeyEncryptionKeyGivenToTheLauncherIsWhatIdentityGets() {
        DataDirectory data = DataDirectory.prepare(root);

        PlatformSettings withFile = PlatformSettings.read(Map.of(KEY_FILE, "/run/secrets/kek"), properties());
        assertThat(ServiceProcess.environment(spec("identity"), withFile, data)).containsEntry(KEY_FILE, "/run/secrets/kek");

        // the key itself is inherited from the launcher's environment; nothing is added beside it
        PlatformSettings inline = PlatformSettings.read(Map.of("IINJ_IDENTITY_KEY_ENCRYPTION_KEY", "a2V5"), properties());
        assertThat(ServiceProcess.environment(spec("identity"), inline, data)).doesNotContainKey(KEY_FILE);
        assertThat(root.resolve("secrets/identity-key-encryption-key")).doesNotExist();
    }

    @Test
    void identityAndThePortalGetTheSameGeneratedClientSecretUnlessTheLauncherWasGivenOne() {
        DataDirectory data = DataDirectory.prepare(root);
        PlatformSettings generated = PlatformSettings.read(Map.of(), properties());
        String identitySecret = ServiceProcess.environment(spec("identity"), generated, data).get(PORTAL_SECRET);
        assertThat(identitySecret).isNotBlank().hasSizeGreaterThanOrEqualTo(40);
        assertThat(ServiceProcess.environment(spec("portal"), generated, data)).containsEntry(PORTAL_SECRET, identitySecret);
        assertThat(ServiceProcess.environment(spec("member-registry"), generated, data)).doesNotContainKey(PORTAL_SECRET);
        // kept: the next start gives both the same secret again
        assertThat(ServiceProcess.environment(spec("identity"), PlatformSettings.read(Map.of(), properties()), data))
                .containsEntry(PORTAL_SECRET, identitySecret);

        PlatformSettings given = PlatformSettings.read(Map.of(PORTAL_SECRET, "from-the-deployment"), properties());
        assertThat(ServiceProcess.environment(spec("portal"), given, data)).doesNotContainKey(PORTAL_SECRET);
    }

    private static final String PORTAL_SECRET = "IINJ_IDENTITY_PORTAL_CLIENT_SECRET";

    private static ServiceSpec spec(String name) {
        return ServiceSpec.ALL.stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/home/dev");
        return properties;
    }
}
