package jp.iinj.localplatform;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One service jar running in its own JVM, wired to the platform's Kafka and to its own MongoDB database. */
final class ServiceProcess {

    static final String LOOPBACK = "127.0.0.1";
    static final String IDENTITY_KEY_ENCRYPTION_KEY_FILE_VARIABLE = "IINJ_IDENTITY_KEY_ENCRYPTION_KEY_FILE";

    private final ServiceSpec spec;
    private final ChildProcess process;

    private ServiceProcess(ServiceSpec spec, ChildProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * @param cds the service's class data sharing, or {@code null} to start the jar as built: with it, the extracted
     *            jar starts, with the archive when a training run has written one
     */
    static ServiceProcess start(ServiceSpec spec, Path jar, ClassDataSharing cds, PlatformSettings settings, DataDirectory data,
                                Map<String, String> extraEnvironment) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.JAVA);
        command.addAll(settings.serviceJavaOpts());
        Path jarToRun = jar;
        if (cds != null) {
            jarToRun = cds.extractedJar();
            cds.archive().ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
        }
        command.add("-jar");
        command.add(jarToRun.toString());
        command.add("--server.port=" + spec.port());
        // reachable from this machine only; the launcher's Kafka and MongoDB listen on 127.0.0.1 too
        command.add("--server.address=" + LOOPBACK);
        command.add("--iinj.local-platform=true");
        Map<String, String> environment = new HashMap<>(environment(spec, settings, data));
        environment.putAll(extraEnvironment);
        return new ServiceProcess(spec, ChildProcess.start(spec.name(), command, environment,
                data.workingDirectory(spec.name()), data));
    }

    /**
     * What a service gets from the platform: its database, the platform's Kafka, the others' addresses, the mail
     * folder, and identity the key-encryption key of its signing keys.
     */
    /** identity's name for it; the portal reads the same variable */
    static final String PORTAL_CLIENT_SECRET_VARIABLE = "IINJ_IDENTITY_PORTAL_CLIENT_SECRET";

    static Map<String, String> environment(ServiceSpec spec, PlatformSettings settings, DataDirectory data) {
        // Spring Boot's relaxed binding: SPRING_MONGODB_URI is spring.mongodb.uri
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_MONGODB_URI", settings.mongoUri(spec.database()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        // every service finds the others by IINJ_<NAME>_URL, also when ports were moved
        settings.allServices().forEach(other -> environment.put(other.urlVariable(), other.url()));
        environment.put("IINJ_IDENTITY_MAIL_DIRECTORY", data.mail().toString());
        if (spec.name().equals(ServiceSpec.IDENTITY) && !settings.identityKeyEncryptionKeyInline()) {
            // the key-encryption key of its signing keys: a file, so that the key is in no process's environment
            environment.put(IDENTITY_KEY_ENCRYPTION_KEY_FILE_VARIABLE, settings.identityKeyEncryptionKeyFile()
                    .orElseGet(data::identityKeyEncryptionKey).toString());
        }
        if ((spec.name().equals(ServiceSpec.IDENTITY) || spec.name().equals(ServiceSpec.PORTAL))
                && !settings.portalClientSecretGiven()) {
            // the same secret for both (unless the launcher's environment brings one, which both inherit)
            environment.put(PORTAL_CLIENT_SECRET_VARIABLE, data.readSecret(data.portalClientSecret()));
        }
        if (spec.name().equals("event-feeds")) {
            // local use: webhooks may go to subscribers on this machine, over plain http
            environment.put("IINJ_FEEDS_SINKS_ALLOWHTTP", "true");
            environment.put("IINJ_FEEDS_SINKS_ALLOWEDADDRESSES", "127.0.0.0/8,::1/128");
        }
        // tokens are issued under the front door's address; the gateway checks "iss" against it
        settings.allServices().stream().filter(other -> other.name().equals(ServiceSpec.GATEWAY)).findFirst()
                .ifPresent(gateway -> environment.put("IINJ_JWT_ISSUER", gateway.url()));
        return environment;
    }

    String name() {
        return spec.name();
    }

    ChildProcess process() {
        return process;
    }

    URI healthUri() {
        return uri(ServiceSpec.HEALTH_PATH);
    }

    /** An address of the service itself, on the loopback interface it listens on. */
    URI uri(String path) {
        return URI.create("http://" + LOOPBACK + ":" + spec.port() + path);
    }

    String url(String path) {
        return "http://localhost:" + spec.port() + path;
    }

    String apiUrl() {
        return url(spec.apiPath());
    }

    String healthUrl() {
        return url(ServiceSpec.HEALTH_PATH);
    }
}
