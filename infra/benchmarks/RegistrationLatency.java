// Steady-rate phase of registration-throughput.sh: registrations through the gateway at a fixed rate, each timed
// until its member-registered event reaches a plain Kafka consumer.
//
//   java -cp <kafka-clients and its dependencies> infra/benchmarks/RegistrationLatency.java \
//       --url http://127.0.0.1:<gateway>/api/members/organisations --bootstrap 127.0.0.1:<kafka> --run <0-999> \
//       [--rate 50] [--duration 60] [--warmup 15] [--timeout 60] [--http-timeout 10]
//
// Open loop: request i is due at start + i/rate and is sent then, whatever the earlier ones are doing, so a slow
// answer delays no later send; its latency counts from that due instant (a late send is the generator's delay, and
// shows as max_send_lag_ms). Bodies as registration-throughput.lua: the 12-digit base is <run: 3 digits><counter: 9
// digits> (the Lua layout with thread 00), the check digit the registry's, so <run> must differ from every other
// run against the same platform. Warm-up requests share the counter; their samples are dropped.
//
// stdout: "PHASE measuring" before the first measured send, "PHASE sent" after the last (the script samples CPU
// between the two), then one line "STEADY key=value ...". Progress and the non-2xx answers go to stderr.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class RegistrationLatency {

    static final String TOPIC = "membership.member-events.v1";
    static final String REGISTERED = "jp.iinj.membership.member-registered.v1";
    static final String[] PREFECTURES = {"13", "14", "11", "12", "27", "23", "01", "40", "08", "22"};
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** A registration answered 2xx: when it was due (nanoTime and wall clock, epoch ns) and whether it is a sample. */
    record Sent(long dueNanos, long dueEpochNanos, boolean measured) {
    }

    /** The first member-registered record of a key: when poll() handed it over, and its record timestamp (ms). */
    record Received(long atNanos, long timestampMillis) {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);   // the HttpClient's threads would keep the JVM up a while
    }

    static void run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI url = URI.create(required(options, "url"));
        String bootstrap = required(options, "bootstrap");
        int run = Integer.parseInt(required(options, "run"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "50"));
        double duration = Double.parseDouble(options.getOrDefault("duration", "60"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "15"));
        Duration timeout = seconds(options.getOrDefault("timeout", "60"));
        Duration httpTimeout = seconds(options.getOrDefault("http-timeout", "10"));
        if (run < 0 || run > 999 || rate <= 0 || duration <= 0 || warmup < 0) {
            throw new IllegalArgumentException("need --run 0..999, --rate > 0, --duration > 0, --warmup >= 0");
        }
        int warmupCount = (int) Math.round(rate * warmup);
        int measuredCount = Math.max(1, (int) Math.round(rate * duration));

        Map<String, Received> received = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicBoolean consuming = new AtomicBoolean(true);
        KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
        positionAtEnd(consumer);
        Thread consumerThread = new Thread(() -> consume(consumer, consuming, received, duplicates), "consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Sent> sentById = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> httpNanos = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> non2xx = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<Void>> answers = new ArrayList<>(measuredCount);

        // ---- sending, by absolute time --------------------------------------------------------------------------
        long anchorEpochNanos = epochNanos(Instant.now());
        long anchorNanos = System.nanoTime();
        long start = anchorNanos + 100_000_000L;
        long firstMeasuredAt = 0;
        long maxLag = 0;
        int total = warmupCount + measuredCount;
        System.err.printf(Locale.ROOT, "steady phase: %.1f registrations/s, %d warm-up (discarded) + %d measured, run %d%n",
                rate, warmupCount, measuredCount, run);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= warmupCount;
            if (i == warmupCount) {
                System.out.println("PHASE measuring");
                System.out.flush();
            }
            long now = System.nanoTime();
            if (measured) {
                maxLag = Math.max(maxLag, now - due);
                if (firstMeasuredAt == 0) {
                    firstMeasuredAt = now;
                }
            }
            Sent sent = new Sent(due, anchorEpochNanos + (due - anchorNanos), measured);
            String base = String.format(Locale.ROOT, "%03d%09d", run, i + 1);
            CompletableFuture<Void> answer = http.sendAsync(request(url, base, i + 1, httpTimeout), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        if (!measured) {
                            return null;
                        }
                        if (failure != null) {
                            errors.incrementAndGet();
                            failures.add(failure.toString());
                        } else if (response.statusCode() / 100 != 2) {
                            non2xx.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            String id = idOf(response);
                            if (id == null) {
                                errors.incrementAndGet();
                                failures.add(response.statusCode() + " without an id: " + response.body());
                            } else {
                                httpNanos.add(System.nanoTime() - due);
                                sentById.put(id, sent);
                                ok.incrementAndGet();
                            }
                        }
                        return null;
                    });
            if (measured) {
                answers.add(answer);
            }
        }
        long lastSentAt = System.nanoTime();
        System.out.println("PHASE sent");
        System.out.flush();
        double achievedRate = measuredCount > 1 ? (measuredCount - 1) * 1e9 / (lastSentAt - firstMeasuredAt) : rate;

        // ---- waiting for the answers, then for the events, at most --timeout after the last send ------------------
        long deadline = lastSentAt + timeout.toNanos();
        int unanswered = 0;
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            unanswered = (int) answers.stream().filter(a -> !a.isDone()).count();
        }
        while (System.nanoTime() < deadline && !received.keySet().containsAll(measuredIds(sentById))) {
            Thread.sleep(50);
        }
        consuming.set(false);
        consumer.wakeup();
        consumerThread.join(10_000);

        // ---- summary -----------------------------------------------------------------------------------------------
        List<Long> eventNanos = new ArrayList<>();
        List<Long> brokerMicros = new ArrayList<>();
        for (Map.Entry<String, Sent> entry : sentById.entrySet()) {
            Received r = received.get(entry.getKey());
            if (entry.getValue().measured() && r != null) {
                eventNanos.add(r.atNanos() - entry.getValue().dueNanos());
                brokerMicros.add((r.timestampMillis() * 1_000_000L - entry.getValue().dueEpochNanos()) / 1_000L);
            }
        }
        long[] events = sorted(eventNanos);
        long[] broker = sorted(brokerMicros);
        long[] answered = sorted(new ArrayList<>(httpNanos));
        int non2xxCount = non2xx.values().stream().mapToInt(AtomicInteger::get).sum();
        String statuses = new TreeMap<>(non2xx).entrySet().stream().map(e -> e.getKey() + "x" + e.getValue().get())
                .reduce((a, b) -> a + "," + b).orElse("-");
        if (!failures.isEmpty()) {
            System.err.println("not answered 2xx with an id: " + failures.size() + "; the first ones:");
            failures.stream().limit(5).forEach(f -> System.err.println("  " + f.substring(0, Math.min(300, f.length()))));
        }
        System.out.printf(Locale.ROOT, "STEADY asked_rate=%s achieved_rate=%.2f duration_s=%s warmup_s=%s warmup_sent=%d"
                        + " sent=%d ok=%d non2xx=%d errors=%d unanswered=%d events=%d missing=%d duplicates=%d"
                        + " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f broker_p50_ms=%.1f broker_p99_ms=%.1f"
                        + " http_p50_ms=%.1f http_p99_ms=%.1f max_send_lag_ms=%.1f timestamp_type=%s non2xx_statuses=%s%n",
                trim(rate), achievedRate, trim(duration), trim(warmup), warmupCount,
                measuredCount, ok.get(), non2xxCount, errors.get(), unanswered, events.length, ok.get() - events.length,
                duplicates.get(),
                ms(percentile(events, 50)), ms(percentile(events, 90)), ms(percentile(events, 99)), ms(percentile(events, 100)),
                percentile(broker, 50) / 1e3, percentile(broker, 99) / 1e3,
                ms(percentile(answered, 50)), ms(percentile(answered, 99)), ms(maxLag), recordTimestampType, statuses);
        System.out.flush();
    }

    static HttpRequest request(URI url, String base, int counter, Duration timeout) {
        String corporateNumber = checkDigit(base) + base;
        String body = "{\"legalName\":\"株式会社ベンチ登録" + base + "\",\"organisationType\":\"SME\","
                + "\"corporateNumber\":\"" + corporateNumber + "\","
                + "\"prefectureCode\":\"" + PREFECTURES[counter % PREFECTURES.length] + "\","
                + "\"employeeBand\":\"EMPLOYEES_20_TO_49\",\"keywords\":[\"精密加工\",\"試作\"],"
                + "\"owner\":{\"displayName\":\"登録 太郎\",\"email\":\"owner-" + base + "@bench.example.jp\"}}";
        return HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", "bench-" + base)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The registry's check digit (CorporateNumber.java): 9 - (sum P_n * Q_n mod 9), n counted from the right. */
    static int checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    static String idOf(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        if (!location.isEmpty() && location.lastIndexOf('/') < location.length() - 1) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        Matcher id = ID.matcher(response.body());
        return id.find() ? id.group(1) : null;
    }

    // ---- Kafka ----------------------------------------------------------------------------------------------------
    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "registration-latency-" + UUID.randomUUID());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "registration-latency");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");   // member-registry provisions it, with its settings
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /** Assigns every partition and resolves the end offsets now: seekToEnd alone is lazy, up to the first poll. */
    static void positionAtEnd(KafkaConsumer<String, byte[]> consumer) throws InterruptedException {
        List<PartitionInfo> partitions = List.of();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                System.err.println("no metadata for " + TOPIC + " yet: " + e);
            }
            if (partitions == null) {
                partitions = List.of();
            }
            if (partitions.isEmpty()) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("topic " + TOPIC + " not found at the bootstrap servers within 60 s");
                }
                Thread.sleep(500);
            }
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        for (TopicPartition tp : assigned) {
            consumer.position(tp, Duration.ofSeconds(30));
        }
        System.err.println("consumer at the end of " + assigned.size() + " partitions of " + TOPIC);
    }

    /** CreateTime (the producer's clock, i.e. member-registry's send) or LogAppendTime (the broker's), from the first record. */
    static volatile String recordTimestampType = "none";
    static final AtomicBoolean TYPE_SEEN = new AtomicBoolean();

    static void consume(KafkaConsumer<String, byte[]> consumer, AtomicBoolean consuming, Map<String, Received> received,
                        AtomicInteger duplicates) {
        try {
            while (consuming.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || record.key() == null
                            || !REGISTERED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    if (TYPE_SEEN.compareAndSet(false, true)) {
                        recordTimestampType = record.timestampType().name;
                    }
                    if (received.putIfAbsent(record.key(), new Received(now, record.timestamp())) != null) {
                        duplicates.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    static Set<String> measuredIds(Map<String, Sent> sentById) {
        Set<String> ids = new HashSet<>();
        sentById.forEach((id, sent) -> {
            if (sent.measured()) {
                ids.add(id);
            }
        });
        return ids;
    }

    // ---- numbers ----------------------------------------------------------------------------------------------------
    static long[] sorted(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Nearest rank; 0 for no values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
