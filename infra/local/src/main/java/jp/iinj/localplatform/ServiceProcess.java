package jp.iinj.localplatform;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One service jar running in its own JVM, wired to the platform's Kafka and to its own MongoDB database. */
final class ServiceProcess {

    private final ServiceSpec spec;
    private final ChildProcess process;

    private ServiceProcess(ServiceSpec spec, ChildProcess process) {
        this.spec = spec;
        this.process = process;
    }

    static ServiceProcess start(ServiceSpec spec, Path jar, PlatformSettings settings, DataDirectory data) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.JAVA);
        command.addAll(settings.serviceJavaOpts());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + spec.port());
        command.add("--iinj.local-platform=true");
        // Spring Boot's relaxed binding: SPRING_MONGODB_URI is spring.mongodb.uri
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_MONGODB_URI", settings.mongoUri(spec.database()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        // every service finds the others by IINJ_<NAME>_URL, also when ports were moved
        settings.allServices().forEach(other -> environment.put(other.urlVariable(), other.url()));
        environment.put("IINJ_IDENTITY_MAIL_DIRECTORY", data.mail().toString());
        // tokens are issued under the front door's address; the gateway checks "iss" against it
        settings.allServices().stream().filter(other -> other.name().equals(ServiceSpec.GATEWAY)).findFirst()
                .ifPresent(gateway -> environment.put("IINJ_JWT_ISSUER", gateway.url()));
        return new ServiceProcess(spec, ChildProcess.start(spec.name(), command, environment,
                data.workingDirectory(spec.name()), data));
    }

    String name() {
        return spec.name();
    }

    ChildProcess process() {
        return process;
    }

    URI healthUri() {
        return URI.create("http://127.0.0.1:" + spec.port() + ServiceSpec.HEALTH_PATH);
    }

    private String url(String path) {
        return "http://localhost:" + spec.port() + path;
    }

    String apiUrl() {
        return url(spec.apiPath());
    }

    String healthUrl() {
        return url(ServiceSpec.HEALTH_PATH);
    }
}
