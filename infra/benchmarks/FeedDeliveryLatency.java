// Driver of event-feeds-delivery.sh: registrations through the gateway at a steady rate, each timed from its 201 until
// every subscriber on loopback received the signed webhook of its member-registered event.
//
//   java -cp infra/testing/target/classes:<kafka-clients and its dependencies> infra/benchmarks/FeedDeliveryLatency.java \
//       --gateway http://127.0.0.1:<gateway> --token <admin access token> --bootstrap 127.0.0.1:<kafka> --run <0-999> \
//       --pids name=pid,... --out <section.md> [--phases one,slow,many] [--rate 50] [--many-rate 50] [--warmup 30]
//       [--duration 120] [--subscriptions 100] [--slow-ms 5000] [--timeout 60] [--http-timeout 10]
//
// Phases, one platform, in this order (each: --warmup seconds at the rate, discarded, then --duration measured):
//   one   one subscription (types: member-registered), its own WebhookReceiver;
//   slow  the same subscription plus one more whose receiver answers after --slow-ms (deleted after the phase);
//   many  --subscriptions in all (the first one plus new ones), a receiver each, at --many-rate.
// Subscriptions are made through the gateway as the administrator (POST /api/feeds/subscriptions); each receiver checks
// every webhook's signature with infra/testing's StandardWebhooksSignature (written from the spec, not the signing
// library) against its subscription's secret. Latency = receiver's nanoTime at receipt - nanoTime when the 201 was
// read, matched by the CloudEvent's subject (the member id the 201 named). A plain KafkaConsumer on
// membership.member-events.v1 splits it: 201 -> record on Kafka, Kafka -> webhook.
//
// Open loop: registration i is due at start + i/rate and is sent then, whatever the earlier ones are doing. Bodies as
// RegistrationLatency.java's (12-digit base <run><phase><counter>), so no corporate number repeats.
//
// stdout: "PHASE <name> measuring" / "PHASE <name> sent" and one "RESULT <name> key=value ..." per phase; --out gets
// the markdown tables. Progress to stderr.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.iinj.testing.webhooks.StandardWebhooksSignature;
import jp.iinj.testing.webhooks.WebhookReceiver;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class FeedDeliveryLatency {

    static final String TOPIC = "membership.member-events.v1";
    static final String REGISTERED = "jp.iinj.membership.member-registered.v1";
    static final String[] PREFECTURES = {"13", "14", "11", "12", "27", "23", "01", "40", "08", "22"};
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
    // a delivery of the delivery log: its subject, then its first attempt's start (ISO instant or epoch seconds)
    static final Pattern DELIVERY = Pattern.compile(
            "\"subject\"\\s*:\\s*\"([^\"]+)\".*?\"attempts\"\\s*:\\s*\\[\\s*\\{\\s*\"at\"\\s*:\\s*\"?([0-9TZ:.+\\-]+)\"?",
            Pattern.DOTALL);
    static final long CLK_TCK = 100;

    /** A registration answered 201: when it was due, when the answer was read, whether it is measured. */
    record Sent(long dueNanos, long answeredNanos, long answeredMicros, boolean measured) {
    }

    /** The probe's read of a record: nanoTime and wall clock (epoch µs), and the record's CreateTime (epoch ms). */
    record OnKafka(long nanos, long micros, long createTimeMillis) {
    }

    /** A webhook's first arrival at a subscriber: nanoTime and wall clock (epoch µs). */
    record Arrival(long nanos, long micros) {
    }

    /** One subscription and the receiver it delivers to; the receiver records the first arrival per subject. */
    static final class Subscriber {
        final String name;
        final WebhookReceiver receiver;
        final Map<String, Arrival> firstAt = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger verified = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicInteger noSubject = new AtomicInteger();
        volatile String id;
        volatile String secret;

        Subscriber(String name, long answerAfterMillis) {
            this.name = name;
            this.receiver = WebhookReceiver.start();
            receiver.answerAfter(answerAfterMillis);
            // the receiver's answer hook sees every request: record it here and let the receiver's own list be
            // cleared every second (it is copy-on-write, and would grow by the whole run)
            receiver.answer(request -> {
                requests.incrementAndGet();
                if (secret != null && StandardWebhooksSignature.verifies(request, secret)) {
                    verified.incrementAndGet();
                } else {
                    badSignatures.incrementAndGet();
                }
                Matcher subject = SUBJECT.matcher(request.bodyText());
                if (!subject.find()) {
                    noSubject.incrementAndGet();
                } else if (firstAt.putIfAbsent(subject.group(1), new Arrival(request.receivedNanos(),
                        micros(request.receivedAt()))) != null) {
                    duplicates.incrementAndGet();
                }
                return WebhookReceiver.Answer.of(204);
            });
        }
    }

    static final Map<String, OnKafka> onKafka = new ConcurrentHashMap<>();
    static final StringBuilder out = new StringBuilder();
    static HttpClient http;
    static URI gateway;
    static String token;
    static Map<String, Integer> pids = new LinkedHashMap<>();
    static long slowMs;
    static org.apache.kafka.clients.admin.Admin admin;
    static final String FEED_GROUP = "event-feeds.member-feed";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        Map<String, String> o = options(args);
        gateway = URI.create(required(o, "gateway"));
        token = required(o, "token");
        String bootstrap = required(o, "bootstrap");
        int run = Integer.parseInt(required(o, "run"));
        Path outFile = Path.of(required(o, "out"));
        List<String> phases = List.of(o.getOrDefault("phases", "one,slow,many").split(","));
        double rate = Double.parseDouble(o.getOrDefault("rate", "50"));
        double manyRate = Double.parseDouble(o.getOrDefault("many-rate", o.getOrDefault("rate", "50")));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "30"));
        double firstWarmup = Double.parseDouble(o.getOrDefault("first-warmup", "60"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "120"));
        int subscriptions = Integer.parseInt(o.getOrDefault("subscriptions", "100"));
        slowMs = Long.parseLong(o.getOrDefault("slow-ms", "5000"));
        double timeout = Double.parseDouble(o.getOrDefault("timeout", "60"));
        Duration httpTimeout = Duration.ofMillis(Math.round(Double.parseDouble(o.getOrDefault("http-timeout", "10")) * 1000));
        for (String pair : o.getOrDefault("pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Integer.parseInt(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        if (run < 0 || run > 99) {
            throw new IllegalArgumentException("--run 0..99");
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        Properties adminProperties = new Properties();
        adminProperties.put("bootstrap.servers", bootstrap);
        admin = org.apache.kafka.clients.admin.Admin.create(adminProperties);
        AtomicBoolean consuming = new AtomicBoolean(true);
        KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
        positionAtEnd(consumer);
        Thread consumerThread = new Thread(() -> consume(consumer, consuming), "probe");
        consumerThread.setDaemon(true);
        consumerThread.start();

        ScheduledExecutorService clearing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clear-receivers");
            t.setDaemon(true);
            return t;
        });
        List<Subscriber> fast = new ArrayList<>();
        List<Subscriber> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        clearing.scheduleAtFixedRate(() -> all.forEach(s -> s.receiver.clear()), 1, 1, TimeUnit.SECONDS);

        Subscriber first = subscribe(new Subscriber("subscriber-1", 0));
        fast.add(first);
        all.add(first);
        int phaseNumber = 0;
        for (String phase : phases) {
            phaseNumber++;
            Subscriber slow = null;
            double phaseRate = rate;
            switch (phase) {
                case "one" -> {
                }
                case "slow" -> {
                    slow = subscribe(new Subscriber("slow", slowMs));
                    all.add(slow);
                }
                case "many" -> {
                    phaseRate = manyRate;
                    while (fast.size() < subscriptions) {
                        Subscriber s = subscribe(new Subscriber("subscriber-" + (fast.size() + 1), 0));
                        fast.add(s);
                        all.add(s);
                    }
                    System.err.println(fast.size() + " subscriptions");
                }
                default -> throw new IllegalArgumentException("unknown phase " + phase);
            }
            measure(phase, run * 10 + phaseNumber, phaseRate, phaseNumber == 1 ? firstWarmup : warmup, duration, timeout, httpTimeout, List.copyOf(fast),
                    slow);
            if (slow != null) {
                unsubscribe(slow);
            }
        }
        consuming.set(false);
        consumer.wakeup();
        consumerThread.join(10_000);
        Files.writeString(outFile, out.toString());
    }

    // ---- one phase -------------------------------------------------------------------------------------------------
    static void measure(String phase, int phaseRun, double rate, double warmup, double duration, double timeout,
                        Duration httpTimeout, List<Subscriber> fast, Subscriber slow) throws Exception {
        int warmupCount = (int) Math.round(rate * warmup);
        int measuredCount = Math.max(1, (int) Math.round(rate * duration));
        Map<String, Sent> sentById = new ConcurrentHashMap<>();
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger warmupFailures = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        int slowBefore = slow == null ? 0 : slow.requests.get();
        System.err.printf(Locale.ROOT, "phase %s: %d subscription(s)%s, %.1f registrations/s, %d warm-up + %d measured%n",
                phase, fast.size(), slow == null ? "" : " + 1 slow", rate, warmupCount, measuredCount);

        // event-feeds' consumer: how many records of the topic it has not committed yet, every second
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sampling = new AtomicBoolean(false);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            if (sampling.get()) {
                long lag = consumerLag();
                if (lag >= 0) {
                    lags.add(lag);
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
        long start = System.nanoTime() + 100_000_000L;
        long firstMeasured = 0;
        long maxLag = 0;
        Map<String, Long> cpuBefore = null;
        int webhooksBefore = 0;
        long wallBefore = 0;
        for (int i = 0; i < warmupCount + measuredCount; i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= warmupCount;
            if (i == warmupCount) {
                cpuBefore = cpu();
                sampling.set(true);
                webhooksBefore = fast.stream().mapToInt(x -> x.requests.get()).sum();
                wallBefore = System.nanoTime();
                System.out.println("PHASE " + phase + " measuring");
                System.out.flush();
            }
            long now = System.nanoTime();
            if (measured) {
                maxLag = Math.max(maxLag, now - due);
                if (firstMeasured == 0) {
                    firstMeasured = now;
                }
            }
            String base = String.format(Locale.ROOT, "%03d%09d", phaseRun, i + 1);
            CompletableFuture<Void> answer = http.sendAsync(registration(base, i + 1, httpTimeout),
                            HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        long answered = System.nanoTime();
                        if (!measured && (failure != null || response.statusCode() != 201)) {
                            warmupFailures.incrementAndGet();
                        } else if (failure != null) {
                            errors.incrementAndGet();
                            failures.add(failure.toString());
                        } else if (response.statusCode() != 201) {
                            non2xx.incrementAndGet();
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            String id = idOf(response);
                            if (id != null) {
                                sentById.put(id, new Sent(due, answered, micros(java.time.Instant.now()), measured));
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                        return null;
                    });
            if (measured) {
                answers.add(answer);
            }
        }
        long lastSent = System.nanoTime();
        int webhooksWhileMeasuring = fast.stream().mapToInt(x -> x.requests.get()).sum() - webhooksBefore;
        Map<String, Long> cpuAfter = cpu();
        sampling.set(false);
        sampler.shutdown();
        long lagAtEnd = consumerLag();
        double seconds = (lastSent - wallBefore) / 1e9;
        System.out.println("PHASE " + phase + " sent");
        System.out.flush();
        double achieved = measuredCount > 1 ? (measuredCount - 1) * 1e9 / (lastSent - firstMeasured) : rate;

        long deadline = lastSent + (long) (timeout * 1e9);
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("not every registration answered in time");
        }
        List<String> measuredIds = sentById.entrySet().stream().filter(e -> e.getValue().measured())
                .map(Map.Entry::getKey).toList();
        while (System.nanoTime() < deadline
                && !fast.stream().allMatch(s -> s.firstAt.keySet().containsAll(measuredIds))) {
            Thread.sleep(50);
        }
        long waitedAfter = System.nanoTime() - lastSent;

        // ---- numbers ---------------------------------------------------------------------------------------------
        List<Long> all = new ArrayList<>();          // every delivery of every fast subscriber
        List<Long> firstSub = new ArrayList<>();     // the first subscriber's
        List<Long> lastOfAll = new ArrayList<>();    // per event: the last of the fast subscribers to get it
        List<Long> toKafka = new ArrayList<>();      // 201 -> probe read the record (negative: the record came first)
        List<Long> kafkaToHook = new ArrayList<>();  // probe -> first subscriber's webhook
        List<Long> httpAnswer = new ArrayList<>();   // due -> 201 read
        List<Long> answerToRecord = new ArrayList<>();  // 201 -> the record's CreateTime (wall clock; µs)
        List<Long> recordToProbe = new ArrayList<>();   // CreateTime -> the probe read it (wall clock; µs)
        Map<Long, List<Long>> windows = new java.util.TreeMap<>();
        int missing = 0;
        for (String id : measuredIds) {
            Sent sent = sentById.get(id);
            httpAnswer.add(sent.answeredNanos() - sent.dueNanos());
            OnKafka k = onKafka.get(id);
            if (k != null) {
                toKafka.add(k.nanos() - sent.answeredNanos());
                answerToRecord.add((k.createTimeMillis() * 1000 - sent.answeredMicros()) * 1000);
                recordToProbe.add((k.micros() - k.createTimeMillis() * 1000) * 1000);
            }
            long last = Long.MIN_VALUE;
            boolean complete = true;
            for (Subscriber s : fast) {
                Arrival arrival = s.firstAt.get(id);
                if (arrival == null) {
                    missing++;
                    complete = false;
                    continue;
                }
                long latency = arrival.nanos() - sent.answeredNanos();
                all.add(latency);
                last = Math.max(last, latency);
                if (s == fast.get(0)) {
                    firstSub.add(latency);
                    windows.computeIfAbsent((sent.dueNanos() - firstMeasured) / 30_000_000_000L, w -> new ArrayList<>())
                            .add(latency);
                    if (k != null) {
                        kafkaToHook.add(arrival.nanos() - k.nanos());
                    }
                }
            }
            if (complete) {
                lastOfAll.add(last);
            }
        }
        long[] a = sorted(all);
        long[] f = sorted(firstSub);
        long[] l = sorted(lastOfAll);
        long[] tk = sorted(toKafka);
        long[] kh = sorted(kafkaToHook);
        long[] ha = sorted(httpAnswer);
        long[] ar = sorted(answerToRecord);
        long[] rp = sorted(recordToProbe);
        // the delivery log's newest deliveries of subscriber 1: when event-feeds began each attempt
        List<Long> probeToAttempt = new ArrayList<>();
        List<Long> attemptToHook = new ArrayList<>();
        int sampled = deliveryLogSample(fast.get(0), measuredIds, probeToAttempt, attemptToHook);
        long[] pa = sorted(probeToAttempt);
        long[] ah = sorted(attemptToHook);
        int requests = fast.stream().mapToInt(s -> s.requests.get()).sum();
        int verified = fast.stream().mapToInt(s -> s.verified.get()).sum();
        int bad = fast.stream().mapToInt(s -> s.badSignatures.get()).sum();
        int dups = fast.stream().mapToInt(s -> s.duplicates.get()).sum();
        int noSubject = fast.stream().mapToInt(s -> s.noSubject.get()).sum();
        int slowGot = slow == null ? 0 : slow.requests.get() - slowBefore;
        int slowBad = slow == null ? 0 : slow.badSignatures.get();

        long[] lg0 = sorted(new ArrayList<>(lags));
        System.out.printf(Locale.ROOT, "RESULT %s subscriptions=%d slow=%s rate=%.1f achieved=%.2f measured=%d ok=%d"
                        + " non201=%d errors=%d deliveries=%d missing=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                        + " all_p50_ms=%.1f all_p99_ms=%.1f last_p50_ms=%.1f last_p99_ms=%.1f"
                        + " to_kafka_p50_ms=%.1f to_kafka_p99_ms=%.1f kafka_to_hook_p50_ms=%.1f kafka_to_hook_p99_ms=%.1f"
                        + " http_p50_ms=%.1f http_p99_ms=%.1f signatures_ok=%d signatures_bad=%d duplicates=%d"
                        + " slow_received=%d slow_bad=%d max_send_lag_ms=%.1f waited_s=%.1f"
                        + " answer_to_record_p50_ms=%.1f record_to_probe_p50_ms=%.1f probe_to_attempt_p50_ms=%.1f"
                        + " probe_to_attempt_p99_ms=%.1f attempt_to_hook_p50_ms=%.1f attempt_to_hook_p99_ms=%.1f"
                        + " consumer_lag_median=%d consumer_lag_max=%d webhooks_per_s=%.0f%n",
                phase, fast.size(), slow != null, rate, achieved, measuredCount, measuredIds.size(), non2xx.get(),
                errors.get(), a.length, missing, ms(pct(f, 50)), ms(pct(f, 90)), ms(pct(f, 99)), ms(pct(f, 100)),
                ms(pct(a, 50)), ms(pct(a, 99)), ms(pct(l, 50)), ms(pct(l, 99)), ms(pct(tk, 50)), ms(pct(tk, 99)),
                ms(pct(kh, 50)), ms(pct(kh, 99)), ms(pct(ha, 50)), ms(pct(ha, 99)), verified, bad, dups, slowGot,
                slowBad, ms(maxLag), waitedAfter / 1e9, ms(pct(ar, 50)), ms(pct(rp, 50)), ms(pct(pa, 50)),
                ms(pct(pa, 99)), ms(pct(ah, 50)), ms(pct(ah, 99)), pct(lg0, 50), pct(lg0, 100),
                webhooksWhileMeasuring / seconds);
        System.out.flush();
        if (!failures.isEmpty()) {
            System.err.println(phase + ": not answered 201: " + failures.size() + "; the first ones:");
            failures.stream().limit(5).forEach(x -> System.err.println("  " + x.substring(0, Math.min(300, x.length()))));
        }

        // ---- markdown ----------------------------------------------------------------------------------------------
        String title = switch (phase) {
            case "one" -> "One subscription";
            case "slow" -> "One subscription beside a slow one (answers after " + slowMs + " ms)";
            default -> fast.size() + " subscriptions matching every event";
        };
        out.append("### ").append(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "%.0f registrations/s asked, %.2f achieved; %d measured (after %.0f s of warm-up"
                        + " at the same rate, discarded; %d of its registrations failed), %d answered 201, %d other answers,"
                        + " %d errors (no answer within the HTTP timeout, mostly); %d webhooks to the"
                        + " %s measured, %d missing %.0f s after the last registration.%n%n",
                rate, achieved, measuredCount, warmup, warmupFailures.get(), measuredIds.size(), non2xx.get(),
                errors.get(), a.length,
                fast.size() == 1 ? "subscriber" : fast.size() + " fast subscribers", missing, waitedAfter / 1e9));
        out.append("| 201 → webhook received (ms) | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        out.append(row(fast.size() == 1 ? "the subscriber" : "subscriber 1", f));
        if (fast.size() > 1) {
            out.append(row("all " + a.length + " deliveries", a));
            out.append(row("per event, the last of " + fast.size() + " received", l));
        }
        out.append(row("its parts: 201 → record read from Kafka (negative: before the 201)", tk));
        out.append(row("Kafka → subscriber 1's webhook", kh));
        out.append(row("… 201 → the record's CreateTime (member-registry's relay sent it; wall clock, ms resolution)", ar));
        out.append(row("… CreateTime → the record read by the probe", rp));
        if (sampled > 0) {
            out.append(row("… the probe's read → event-feeds began the attempt (delivery log, newest " + sampled + ")", pa));
            out.append(row("… attempt began → webhook received (signing, HTTP on loopback)", ah));
        }
        out.append(row("scheduled send → 201 read (the registration's HTTP time)", ha));
        out.append("\n");
        out.append(String.format(Locale.ROOT, "Signatures (checked by `StandardWebhooksSignature` against each subscription's"
                        + " secret): %d verified, **%d failed**, over every webhook the fast subscribers got in the phase"
                        + " (warm-up included: %d); duplicates (same subject twice at one subscriber) %d; bodies without a"
                        + " subject %d.%s%n%n", verified, bad, requests, dups, noSubject,
                slow == null ? "" : String.format(Locale.ROOT, " The slow subscriber got %d webhooks in the phase"
                        + " (signature failures %d).", slowGot, slowBad)));
        long[] lg = sorted(new ArrayList<>(lags));
        out.append(String.format(Locale.ROOT, "event-feeds' consumer (`%s`) behind the end of `%s`, sampled every second"
                        + " while measuring: median %d, max %d records; %d when the last registration was sent.%n%n",
                FEED_GROUP, TOPIC, pct(lg, 50), pct(lg, 100), lagAtEnd));
        out.append(String.format(Locale.ROOT, "Webhooks the fast subscribers received while the measured registrations were"
                        + " sent: %d, %.0f/s (%.0f/s asked: %d subscription(s) × %.0f events/s).%n%n",
                webhooksWhileMeasuring, webhooksWhileMeasuring / seconds, fast.size() * rate, fast.size(), rate));
        if (windows.size() > 1) {
            out.append("Subscriber 1's latency per 30 s of the measurement: ");
            List<String> parts = new ArrayList<>();
            windows.forEach((w, values) -> {
                long[] s = sorted(values);
                parts.add(String.format(Locale.ROOT, "%d–%d s p50 %.1f / p99 %.1f ms", w * 30, w * 30 + 30,
                        ms(pct(s, 50)), ms(pct(s, 99))));
            });
            out.append(String.join("; ", parts)).append(".\n\n");
        }
        out.append("CPU over the measured sending (").append(String.format(Locale.ROOT, "%.1f", seconds))
                .append(" s), % of one core:\n\n|");
        StringBuilder sep = new StringBuilder("|");
        StringBuilder values = new StringBuilder("|");
        long totalBusy = cpuAfter.get("@busy") - cpuBefore.get("@busy");
        long total = cpuAfter.get("@total") - cpuBefore.get("@total");
        long ours = 0;
        for (String name : cpuAfter.keySet()) {
            if (name.startsWith("@")) {
                continue;
            }
            long d = Math.max(0, cpuAfter.get(name) - cpuBefore.getOrDefault(name, 0L));
            ours += d;
            out.append(' ').append(name.equals("launcher") ? "MongoDB stand-in (launcher)" : name).append(" |");
            sep.append("---:|");
            values.append(String.format(Locale.ROOT, " %.0f %% |", 100.0 * d / CLK_TCK / seconds));
        }
        out.append(" other processes | machine busy |\n").append(sep).append("---:|---:|\n").append(values)
                .append(String.format(Locale.ROOT, " %.0f %% | %.0f %% |%n%n",
                        100.0 * Math.max(0, totalBusy - ours) / CLK_TCK / seconds,
                        total > 0 ? 100.0 * totalBusy / total : 0));
    }

    /** Reads subscriber 1's newest deliveries from the delivery log (one page) and splits their latency there. */
    static int deliveryLogSample(Subscriber s, List<String> measuredIds, List<Long> probeToAttempt,
                                 List<Long> attemptToHook) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                            gateway.resolve("/api/feeds/subscriptions/" + s.id + "/deliveries?limit=200"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                System.err.println("delivery log answered " + page.statusCode());
                return 0;
            }
            java.util.Set<String> measured = new java.util.HashSet<>(measuredIds);
            int n = 0;
            // one delivery object after another: split at each "id" of a delivery is fragile; the pattern is non-greedy
            Matcher m = DELIVERY.matcher(page.body());
            while (m.find()) {
                String subject = m.group(1);
                OnKafka k = onKafka.get(subject);
                Arrival arrival = s.firstAt.get(subject);
                if (!measured.contains(subject) || k == null || arrival == null) {
                    continue;
                }
                String at = m.group(2);
                long atMicros = at.contains("T") ? micros(java.time.Instant.parse(at))
                        : Math.round(Double.parseDouble(at) * 1e6);
                probeToAttempt.add((atMicros - k.micros()) * 1000);
                attemptToHook.add((arrival.micros() - atMicros) * 1000);
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            System.err.println("delivery log not read: " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Records of the topic event-feeds' member feed has not committed (ack mode RECORD: handled), or -1. */
    static long consumerLag() {
        try {
            var committed = admin.listConsumerGroupOffsets(FEED_GROUP).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : partitions) {
                var c = committed.get(tp);
                lag += ends.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    static long micros(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static String row(String name, long[] s) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, ms(pct(s, 50)), ms(pct(s, 90)),
                ms(pct(s, 99)), ms(pct(s, 100)));
    }

    // ---- subscriptions through the API -----------------------------------------------------------------------------
    static Subscriber subscribe(Subscriber s) throws IOException, InterruptedException {
        String body = "{\"types\":[\"" + REGISTERED + "\"],\"sink\":\"" + s.receiver.url() + "\",\"protocol\":\"HTTP\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(gateway.resolve("/api/feeds/subscriptions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating a subscription answered " + created.statusCode() + ": "
                    + created.body());
        }
        Matcher id = ID.matcher(created.body());
        Matcher secret = SECRET.matcher(created.body());
        if (!id.find() || !secret.find()) {
            throw new IllegalStateException("no id or secret in " + created.body());
        }
        s.id = id.group(1);
        s.secret = secret.group(1);
        return s;
    }

    static void unsubscribe(Subscriber s) throws IOException, InterruptedException {
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(gateway.resolve("/api/feeds/subscriptions/" + s.id))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (deleted.statusCode() / 100 != 2) {
            throw new IllegalStateException("deleting subscription " + s.id + " answered " + deleted.statusCode());
        }
    }

    static HttpRequest registration(String base, int counter, Duration timeout) {
        String corporateNumber = checkDigit(base) + base;
        String body = "{\"legalName\":\"株式会社フィード配信" + base + "\",\"organisationType\":\"SME\","
                + "\"corporateNumber\":\"" + corporateNumber + "\","
                + "\"prefectureCode\":\"" + PREFECTURES[counter % PREFECTURES.length] + "\","
                + "\"employeeBand\":\"EMPLOYEES_20_TO_49\",\"keywords\":[\"精密加工\",\"試作\"],"
                + "\"owner\":{\"displayName\":\"登録 太郎\",\"email\":\"feeds-" + base + "@bench.example.jp\"}}";
        return HttpRequest.newBuilder(gateway.resolve("/api/members/organisations")).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", "feeds-bench-" + base)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
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

    // ---- the Kafka probe -------------------------------------------------------------------------------------------
    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "feed-delivery-latency-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    static void positionAtEnd(KafkaConsumer<String, byte[]> consumer) throws InterruptedException {
        List<PartitionInfo> partitions = List.of();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions == null || partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                System.err.println("no metadata for " + TOPIC + " yet: " + e);
            }
            if ((partitions == null || partitions.isEmpty())) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("topic " + TOPIC + " not found within 60 s");
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
    }

    static void consume(KafkaConsumer<String, byte[]> consumer, AtomicBoolean consuming) {
        try {
            while (consuming.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                long nowMicros = micros(java.time.Instant.now());
                for (ConsumerRecord<String, byte[]> record : records) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && record.key() != null
                            && REGISTERED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        onKafka.putIfAbsent(record.key(), new OnKafka(now, nowMicros, record.timestamp()));
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    // ---- CPU from /proc --------------------------------------------------------------------------------------------
    static Map<String, Long> cpu() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
        ticks.put("load generator and subscribers", ticks(ProcessHandle.current().pid()));
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            ticks.put("@total", total);
            ticks.put("@busy", total - idle);
        } catch (IOException e) {
            ticks.put("@total", 0L);
            ticks.put("@busy", 0L);
        }
        return ticks;
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // ---- numbers ---------------------------------------------------------------------------------------------------
    static long[] sorted(List<Long> values) {
        long[] s = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        return s;
    }

    /** Nearest rank; 0 for no values. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
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
