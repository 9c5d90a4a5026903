package jp.iinj.identity.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.iinj.identity.IdentityApplication;
import jp.iinj.testing.infrastructure.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A whole identity application of its own, as a deployment starts it (no test configuration), on a random port and
 * a database of the test MongoDB: for restarts, several instances on one database, and start-up checks.
 */
public final class StandaloneIdentity {

    private StandaloneIdentity() {
    }

    /** With the tests' key-encryption key unless {@code settings} give one ({@code --name=value} each). */
    public static ConfigurableApplicationContext start(String database, Path mail, String... settings) {
        return start(database, mail, Map.of(), settings);
    }

    /**
     * @param environment environment variables added to this JVM's, as a deployment sets them (e.g.
     *                    {@code SPRING_KAFKA_SECURITY_PROTOCOL}): read with Spring Boot's relaxed binding
     */
    public static ConfigurableApplicationContext start(String database, Path mail, Map<String, String> environment,
                                                       String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.shared().mongoUri(database),
                "--spring.mongodb.database=" + database,
                "--iinj.identity.mail.directory=" + mail,
                "--iinj.identity.signing-keys.check-interval=1000d"));
        if (List.of(settings).stream().noneMatch(setting -> setting.startsWith("--iinj.identity.signing-keys.encryption-key"))) {
            arguments.add("--iinj.identity.signing-keys.encryption-key=" + TestKeyEncryptionKey.BASE64);
        }
        arguments.addAll(List.of(settings));
        Map<String, Object> variables = new HashMap<>(System.getenv());
        variables.putAll(environment);
        StandardEnvironment withVariables = new StandardEnvironment();
        withVariables.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new SpringApplicationBuilder(IdentityApplication.class).environment(withVariables)
                .run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
