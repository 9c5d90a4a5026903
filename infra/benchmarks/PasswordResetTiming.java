// Timing of password-reset-timing.sh: POST /api/identity/password-resets for an e-mail that has an account and for
// e-mails that have none, one request at a time (closed loop, one keep-alive connection), the two kinds in a shuffled
// order so that background work (the reset worker, GC, JIT) falls on both alike. Each target is measured on its own.
//
//   java infra/benchmarks/PasswordResetTiming.java --target gateway=http://127.0.0.1:<port> \
//       --target identity=http://127.0.0.1:<port> --known admin@example.jp [--warmup 300] [--count 1000] [--seed 1]
//
// stdout: one "RESULT target=… kind=known|unknown n=… median_ms=… p90_ms=… p99_ms=… mean_ms=…" line per target and
// kind, one "SAME target=… statuses=… bodies=… header_names=…" line per target (whether the two kinds' answers looked
// the same), then "DONE". Any answer other than 202 fails the run.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

public class PasswordResetTiming {

    // answers whose values differ per request by design
    private static final Set<String> VARYING_HEADERS = Set.of("date", "x-correlation-id", "content-length");

    public static void main(String[] args) throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        String known = null;
        int warmup = 300;
        int count = 1000;
        long seed = 1;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--target" -> {
                    String[] target = args[i + 1].split("=", 2);
                    targets.put(target[0], target[1]);
                }
                case "--known" -> known = args[i + 1];
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--count" -> count = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targets.isEmpty() || known == null) {
            throw new IllegalArgumentException("--target name=url and --known email are required");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(seed);
        for (Map.Entry<String, String> target : targets.entrySet()) {
            URI uri = URI.create(target.getValue() + "/api/identity/password-resets");
            List<Boolean> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                order.add(true);
                order.add(false);
            }
            for (int i = 0; i < warmup; i++) {
                send(client, uri, i % 2 == 0 ? known : unknown());
            }
            Collections.shuffle(order, random);
            List<Double> knownMs = new ArrayList<>();
            List<Double> unknownMs = new ArrayList<>();
            Set<String> statuses = new TreeSet<>();
            Set<String> bodies = new TreeSet<>();
            Map<Boolean, Set<String>> headerNames = new LinkedHashMap<>();
            for (boolean isKnown : order) {
                long start = System.nanoTime();
                HttpResponse<String> response = send(client, uri, isKnown ? known : unknown());
                double ms = (System.nanoTime() - start) / 1e6;
                (isKnown ? knownMs : unknownMs).add(ms);
                statuses.add(isKnown + ":" + response.statusCode());
                bodies.add(isKnown + ":" + response.body());
                Set<String> names = new TreeSet<>(response.headers().map().keySet());
                names.removeAll(VARYING_HEADERS);
                headerNames.computeIfAbsent(isKnown, k -> new TreeSet<>()).addAll(names);
            }
            print(target.getKey(), "known", knownMs);
            print(target.getKey(), "unknown", unknownMs);
            System.out.printf(Locale.ROOT, "SAME target=%s statuses=%s bodies=%s header_names=%s%n", target.getKey(),
                    statuses.stream().map(s -> s.substring(s.indexOf(':') + 1)).distinct().count() == 1,
                    bodies.stream().map(s -> s.substring(s.indexOf(':') + 1)).distinct().count() == 1,
                    headerNames.get(true).equals(headerNames.get(false)));
        }
        System.out.println("DONE");
    }

    private static String unknown() {
        return "nobody-" + UUID.randomUUID() + "@bench.example.jp";
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String email) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void print(String target, String kind, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "RESULT target=%s kind=%s n=%d median_ms=%.2f p90_ms=%.2f p99_ms=%.2f mean_ms=%.2f%n",
                target, kind, sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), mean);
    }

    /** Nearest rank. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
