package jp.iinj.localplatform;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until Kafka answers and every service reports itself UP, or says clearly which one did not. */
final class HealthWait {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_LINES_SHOWN = 40;
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private HealthWait() {
    }

    /**
     * @param security client settings for an external Kafka that requires credentials (see {@link KafkaClientSecurity})
     * @param broker   the embedded broker, to fail fast if it dies; empty for an external Kafka
     */
    static void kafka(String bootstrapServers, Map<String, String> security, Duration timeout, Optional<ChildProcess> broker) {
        Properties properties = new Properties();
        properties.putAll(security);
        properties.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        properties.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        properties.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        properties.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                if (broker.isPresent() && !broker.get().isAlive()) {
                    throw failure(broker.get(), "The Kafka broker exited with code " + broker.get().exitCode() + " while starting");
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not listening yet, or still catching up with its metadata
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StartupFailure("Interrupted while waiting for Kafka");
                }
                if (Instant.now().isAfter(deadline)) {
                    String message = "Kafka at " + bootstrapServers + " did not answer within " + timeout.toSeconds() + " s";
                    throw broker.map(process -> failure(process, message)).orElseGet(() -> new StartupFailure(message));
                }
                pause();
            }
        }
    }

    /** Polls every service's health endpoint until each answers 200 with status UP. */
    static void services(List<ServiceProcess> services, Duration timeout, PrintStream out) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        List<ServiceProcess> pending = new ArrayList<>(services);
        Map<ServiceProcess, Answer> lastAnswers = new HashMap<>();
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.process().isAlive()) {
                    throw failure(service.process(), service.name() + " exited with code " + service.process().exitCode() + " while starting");
                }
                Answer answer = ask(client, service);
                lastAnswers.put(service, answer);
                if (answer.up()) {
                    out.printf(Locale.ROOT, "  %s is up (%.1f s)%n", service.name(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
                    pending.remove(service);
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                ServiceProcess late = pending.get(0);
                throw failure(late.process(), late.name() + " was not healthy within " + timeout.toSeconds() + " s; "
                        + late.healthUrl() + " answered " + lastAnswers.get(late).description());
            }
            pause();
        }
    }

    private static Answer ask(HttpClient client, ServiceProcess service) {
        HttpRequest request = HttpRequest.newBuilder(service.healthUri()).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
            String body = response.body().length() > 500 ? response.body().substring(0, 500) + " ..." : response.body();
            return new Answer(up, "HTTP " + response.statusCode() + " " + body);
        } catch (IOException notListeningYet) {
            return new Answer(false, "nothing (" + notListeningYet.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while waiting for " + service.name());
        }
    }

    private record Answer(boolean up, String description) {
    }

    private static StartupFailure failure(ChildProcess process, String message) {
        StringBuilder text = new StringBuilder(message)
                .append(". Last ").append(LOG_LINES_SHOWN).append(" lines of ").append(process.log()).append(':');
        process.lastLogLines(LOG_LINES_SHOWN).forEach(line -> text.append(System.lineSeparator()).append("  | ").append(line));
        return new StartupFailure(text.toString());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while waiting for the platform to start");
        }
    }
}
