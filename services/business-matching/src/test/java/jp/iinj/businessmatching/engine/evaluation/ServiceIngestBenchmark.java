package jp.iinj.businessmatching.engine.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import jp.iinj.businessmatching.BusinessMatchingApplication;
import jp.iinj.businessmatching.engine.LocalizedText;
import jp.iinj.businessmatching.engine.MatchableProfile;
import jp.iinj.businessmatching.engine.MatchingEngine;
import jp.iinj.businessmatching.engine.ProfileSearch;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.members.MemberStanding;
import jp.iinj.businessmatching.searchindex.SearchIndex;
import jp.iinj.businessmatching.support.TestMembers;
import jp.iinj.contracts.matching.TechnicalGlossary;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.MemberApprovedV1;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.PublicMemberProfile;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.tokens.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest through the service: starts business matching in this JVM on the test infrastructure the integration tests
 * use (KRaft Kafka, the embedded MongoDB stand-in, test tokens), makes active members through the member events it
 * consumes, then drafts and publishes N synthetic profiles (the generator of {@link MatchingEngineBenchmark}) through
 * the HTTP API with a bounded number in flight, and measures
 * <ul>
 *   <li>profiles/s the API accepted (publish answered) and profiles/s the instance's index took in;</li>
 *   <li>the lag from the publish answer to searchable, for every {@code sample}-th profile (it carries a keyword of
 *   its own, searched for on the instance's engine every few ms): p50, p99, max;</li>
 *   <li>how far the proposals subscription got (its committed offsets on the matching events topic);</li>
 *   <li>where the CPU went: the JVM's threads grouped by name.</li>
 * </ul>
 * A benchmark, not a test: nothing asserts a number.
 *
 * <p>{@code java ... ServiceIngestBenchmark <results file> <N>}; system properties {@code benchmark.concurrency} (16),
 * {@code benchmark.members} (200), {@code benchmark.sample} (100), {@code benchmark.max-minutes} (30: publishing stops
 * then), {@code benchmark.index-wait-minutes} (10: how long to wait for the index after the last publication).
 */
public final class ServiceIngestBenchmark {

    private static final String[] BUREAUS = {"hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku",
            "kyushu", "okinawa"};
    private static final String[] PREFECTURES = {"01", "04", "13", "23", "27", "34", "37", "40", "47"};
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(10);

    private ServiceIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        int concurrency = Integer.getInteger("benchmark.concurrency", 16);
        int memberCount = Integer.getInteger("benchmark.members", 200);
        int sampleEvery = Integer.getInteger("benchmark.sample", 100);
        Duration maxPublishing = Duration.ofMinutes(Integer.getInteger("benchmark.max-minutes", 30));
        Duration indexWait = Duration.ofMinutes(Integer.getInteger("benchmark.index-wait-minutes", 10));

        long setupStart = System.nanoTime();
        // before Spring configures logging, Logback's default prints the broker's every DEBUG line
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        ConfigurableApplicationContext service = start(infrastructure);
        String port = service.getEnvironment().getProperty("local.server.port");
        MatchingEngine engine = service.getBean(SearchIndex.class).engine();
        List<String> members = activeMembers(service, memberCount);
        double setupSeconds = seconds(System.nanoTime() - setupStart);
        log("service up and %d active members in %.1f s on %s", memberCount, setupSeconds, infrastructure.modeReason());

        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024)).build();
        List<TechnicalGlossary.Concept> concepts = new ArrayList<>(TechnicalGlossary.current().concepts());
        String run = UUID.randomUUID().toString().substring(0, 6);

        // a warm-up the figures leave out: the first requests pay for class loading and the JIT
        int warmUp = Math.min(500, Math.max(50, total / 100));
        publishAll(client, generated(concepts, warmUp, 7), members, concurrency, 0, run + "w", null, null,
                Duration.ofMinutes(5));
        awaitIndexed(engine, warmUp, Duration.ofMinutes(5));
        log("warm-up: %d profiles published and indexed", warmUp);

        Samples samples = new Samples(engine, run);
        Thread prober = daemon("benchmark-prober", samples::probeUntilInterrupted);
        Progress progress = new Progress(engine, infrastructure.kafkaBootstrapServers(), warmUp);
        Thread reporter = daemon("benchmark-progress", progress::sampleUntilInterrupted);
        CpuSnapshot cpuBefore = CpuSnapshot.take();

        long start = System.nanoTime();
        int published = publishAll(client, generated(concepts, total, 1), members, concurrency, sampleEvery, run,
                samples, progress.accepted, maxPublishing);
        long publishedAt = System.nanoTime();
        CpuSnapshot cpuPublished = CpuSnapshot.take();
        long proposalsAtPublished = progress.proposalsDone();
        log("published %d in %.1f s", published, seconds(publishedAt - start));

        boolean allIndexed = awaitIndexed(engine, warmUp + published, indexWait);
        long indexedAt = System.nanoTime();
        samples.awaitAll(Duration.ofMinutes(2));
        CpuSnapshot cpuIndexed = CpuSnapshot.take();
        long proposalsAtIndexed = progress.proposalsDone();
        prober.interrupt();
        reporter.interrupt();
        log("indexed %d (all: %s) %.1f s after the start", engine.size() - warmUp, allIndexed,
                seconds(indexedAt - start));

        String md = report(new Figures(total, published, warmUp, concurrency, memberCount, sampleEvery, setupSeconds,
                seconds(publishedAt - start), seconds(indexedAt - start), allIndexed, engine.size() - warmUp,
                proposalsAtPublished - progress.proposalsBaseline, proposalsAtIndexed - progress.proposalsBaseline,
                samples.lagsMillis(), samples.missing(), progress.rows, cpuBefore, cpuPublished, cpuIndexed,
                maxPublishing, infrastructure.modeReason()));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md, StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("written to " + results);
        service.close();
        System.exit(0);
    }

    /** The service as the integration tests run it: {@code PlatformTestInfrastructure}'s and the test tokens' settings. */
    private static ConfigurableApplicationContext start(TestInfrastructure infrastructure) {
        String database = "ingest-benchmark-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoUri(database));
        properties.put("spring.mongodb.database", database);
        TestTokens.register((name, value) -> properties.put(name, value.get()));
        // two log lines per proposal and per request would cost more than what is measured
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.jp.iinj.testing", "INFO");
        // as command-line arguments: they outrank application.yml, as the tests' dynamic properties do
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BusinessMatchingApplication.class).run(arguments);
    }

    /** Registered and approved over Kafka as the member registry announces them, then awaited in the read model. */
    private static List<String> activeMembers(ConfigurableApplicationContext service, int count) {
        TestMembers sender = new TestMembers(service.getBean(MatchingMembers.class), service.getBean(JsonMapper.class));
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String memberId = UUID.randomUUID().toString();
            String bureau = BUREAUS[i % BUREAUS.length];
            String prefecture = PREFECTURES[i % PREFECTURES.length];
            var profile = new PublicMemberProfile("Benchmark " + i, null, "Benchmark " + i + " Ltd.", OrganisationType.SME,
                    prefecture, bureau, "https://b" + i + ".example.jp", EmployeeBand.EMPLOYEES_20_TO_49, null,
                    List.of(), List.of(), List.of(), List.of(), null);
            sender.send(TopicCatalogue.MEMBER_REGISTERED_V1, memberId, new MemberRegisteredV1(memberId, null, profile, now));
            sender.send(TopicCatalogue.MEMBER_APPROVED_V1, memberId,
                    new MemberApprovedV1(memberId, prefecture, bureau, now.plusMillis(1), null));
            ids.add(memberId);
        }
        ids.forEach(id -> sender.awaitStanding(id, MemberStanding.ACTIVE));
        return ids;
    }

    /** Draft then publish each profile, {@code concurrency} at a time; returns how many were published. */
    private static int publishAll(WebClient client, Iterator<MatchableProfile> profiles, List<String> members,
                                  int concurrency, int sampleEvery, String run, Samples samples, AtomicInteger accepted,
                                  Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        AtomicInteger index = new AtomicInteger();
        Integer count = Flux.fromIterable(() -> profiles)
                .takeWhile(profile -> System.nanoTime() < deadline)
                .map(profile -> {
                    int i = index.getAndIncrement();
                    String probe = sampleEvery > 0 && i % sampleEvery == 0 ? "zqprobe" + run + i : null;
                    return new Outgoing(members.get(i % members.size()), profile, probe);
                })
                .flatMap(outgoing -> publish(client, outgoing)
                        .doOnNext(id -> {
                            if (accepted != null) {
                                accepted.incrementAndGet();
                            }
                            if (outgoing.probe() != null && samples != null) {
                                samples.published(id, outgoing.probe(), System.nanoTime());
                            }
                        }), concurrency)
                .count().map(Long::intValue).block();
        return count == null ? 0 : count;
    }

    private static Mono<String> publish(WebClient client, Outgoing outgoing) {
        String token = TestTokens.memberOf(outgoing.memberId());
        return client.post().uri("/api/matching/profiles").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", outgoing.memberId(), "type", outgoing.profile().type().name(),
                        "content", content(outgoing.profile(), outgoing.probe())))
                .retrieve().bodyToMono(Map.class)
                .map(draft -> (String) draft.get("id"))
                .flatMap(id -> client.post().uri("/api/matching/profiles/{id}/publication", id)
                        .headers(h -> h.setBearerAuth(token)).retrieve().toBodilessEntity().thenReturn(id));
    }

    /** The API's content for a generated profile; a sampled one carries its probe keyword. */
    private static Map<String, Object> content(MatchableProfile profile, String probe) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", text(profile.title(), 120));
        content.put("summary", text(profile.summary(), 500));
        if (profile.description() != null) {
            content.put("description", text(profile.description(), 4000));
        }
        List<String> keywords = new ArrayList<>(profile.keywords());
        if (probe != null) {
            keywords.add(probe);
        }
        content.put("keywords", keywords);
        content.put("technologyFields", List.copyOf(profile.technologyFields()));
        content.put("jsicCodes", List.copyOf(profile.jsicCodes()));
        if (profile.type().isOffer()) {
            content.put("stage", profile.stage().name());
            content.put("ipStatus", profile.ipStatus().name());
        }
        content.put("partnershipTypes", profile.partnershipTypes().stream().map(Enum::name).toList());
        content.put("targetRegions", List.copyOf(profile.targetRegions()));
        return content;
    }

    private static Map<String, String> text(LocalizedText text, int max) {
        Map<String, String> languages = new LinkedHashMap<>();
        if (text.ja() != null) {
            languages.put("ja", cut(text.ja(), max));
        }
        if (text.en() != null) {
            languages.put("en", cut(text.en(), max));
        }
        return languages;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).strip();
    }

    private static boolean awaitIndexed(MatchingEngine engine, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (engine.size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50); // a benchmark's poll: Awaitility's rule is for tests
        }
        return true;
    }

    private static Iterator<MatchableProfile> generated(List<TechnicalGlossary.Concept> concepts, int count, long seed) {
        return MatchingEngineBenchmark.generated(concepts, count, seed);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                String.format(format, args));
    }

    private record Outgoing(String memberId, MatchableProfile profile, String probe) {
    }

    /** Sampled profiles from their publish answer until a search on the instance's engine finds them. */
    private static final class Samples {

        private record Pending(String id, String probe, long answeredAt) {
        }

        private final MatchingEngine engine;
        private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        private final List<Long> lags = new ArrayList<>();

        Samples(MatchingEngine engine, String run) {
            this.engine = engine;
        }

        void published(String id, String probe, long answeredAt) {
            pending.add(new Pending(id, probe, answeredAt));
        }

        void probeUntilInterrupted() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                        Pending sample = it.next();
                        var hits = engine.search(new ProfileSearch(sample.probe(), Set.of(), Set.of(), null, null,
                                null, null, null, 5), owner -> true).hits();
                        if (hits.stream().anyMatch(hit -> hit.profileId().equals(sample.id()))) {
                            long lag = System.nanoTime() - sample.answeredAt();
                            synchronized (lags) {
                                lags.add(lag);
                            }
                            it.remove();
                        }
                    }
                    Thread.sleep(PROBE_INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitAll(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        long[] lagsMillis() {
            synchronized (lags) {
                return lags.stream().mapToLong(nanos -> nanos / 1_000_000).sorted().toArray();
            }
        }

        int missing() {
            return pending.size();
        }
    }

    /** Every 5 s: accepted, indexed and proposals done, for the table of the run's course. */
    private static final class Progress {

        private final MatchingEngine engine;
        private final Admin admin;
        private final int baseline;
        final AtomicInteger accepted = new AtomicInteger();
        final List<long[]> rows = new ArrayList<>();
        private final AtomicLong proposals = new AtomicLong();
        final long proposalsBaseline;
        private final long start = System.nanoTime();

        Progress(MatchingEngine engine, String bootstrapServers, int baseline) {
            this.engine = engine;
            this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
            this.baseline = baseline;
            this.proposalsBaseline = readProposals();
            this.proposals.set(proposalsBaseline);
        }

        long proposalsDone() {
            return Math.max(proposals.get(), readProposals());
        }

        void sampleUntilInterrupted() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(5_000);
                    long done = readProposals();
                    proposals.set(done);
                    long[] row = {(System.nanoTime() - start) / 1_000_000, accepted.get(), engine.size() - baseline,
                            done - proposalsBaseline};
                    synchronized (rows) {
                        rows.add(row);
                    }
                    log("t=%ds accepted %d, indexed %d, proposals done %d", row[0] / 1000, row[1], row[2], row[3]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Events the proposals subscription has committed on the matching events topic. */
        private long readProposals() {
            try {
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    if (group.groupId().endsWith(".proposals")) {
                        Map<TopicPartition, OffsetAndMetadata> offsets = admin
                                .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                        return offsets.entrySet().stream()
                                .filter(e -> e.getKey().topic().equals(TopicCatalogue.MATCHING_EVENTS_V1.name()))
                                .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
                    }
                }
                return 0;
            } catch (Exception e) {
                return proposals.get();
            }
        }
    }

    /** The process's CPU and every live thread's, grouped by the thread's name without its number. */
    private record CpuSnapshot(long processNanos, long wallNanos, Map<String, Long> byGroup) {

        static CpuSnapshot take() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> groups = new TreeMap<>();
            for (long id : threads.getAllThreadIds()) {
                ThreadInfo info = threads.getThreadInfo(id);
                long cpu = threads.getThreadCpuTime(id);
                if (info != null && cpu > 0) {
                    groups.merge(group(info.getThreadName()), cpu, Long::sum);
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new CpuSnapshot(os.getProcessCpuTime(), System.nanoTime(), groups);
        }

        private static String group(String name) {
            return name.replaceAll("[-_#]?\\d+", "-N").replaceAll("(-N)+", "-N");
        }
    }

    private record Figures(int requested, int published, int warmUp, int concurrency, int members, int sampleEvery,
                           double setupSeconds, double publishSeconds, double indexedSeconds, boolean allIndexed,
                           int indexed, long proposalsAtPublished, long proposalsAtIndexed, long[] lags, int lagsMissing,
                           List<long[]> progress, CpuSnapshot before, CpuSnapshot published_, CpuSnapshot indexed_,
                           Duration maxPublishing, String infrastructure) {
    }

    private static String report(Figures f) {
        StringBuilder md = new StringBuilder();
        Runtime runtime = Runtime.getRuntime();
        md.append("# Ingest through the service\n\n")
                .append("Measured ").append(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                .append(" UTC with `infra/benchmarks/matching-ingest.sh ").append(f.requested()).append("`: ")
                .append(runtime.availableProcessors()).append(" CPUs (shared with the broker and the MongoDB stand-in, ")
                .append("both in this JVM or on this machine), max heap ").append(runtime.maxMemory() / (1024 * 1024))
                .append(" MiB, Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("benchmark.jvm", "")).append(".\n\n")
                .append("One business-matching instance started in-process as the integration tests start it (")
                .append(f.infrastructure()).append("): KRaft Kafka, the embedded MongoDB stand-in ")
                .append("(mongo-java-server), test tokens. ").append(f.members()).append(" active SME members made ")
                .append("through member events. Each profile is drafted and published through the HTTP API ")
                .append("(`POST /api/matching/profiles`, `POST …/publication`), ").append(f.concurrency())
                .append(" profiles in flight; synthetic content from `MatchingEngineBenchmark`'s generator (glossary ")
                .append("vocabulary, a third Japanese, a third English, a third both). ").append(f.warmUp())
                .append(" profiles were published and indexed first as a warm-up and are not counted. Service setup ")
                .append(String.format("%.0f s.%n%n", f.setupSeconds()));
        if (f.published() < f.requested()) {
            md.append(String.format("**Only %,d of %,d profiles were published**: publishing stops after %d minutes.%n%n",
                    f.published(), f.requested(), f.maxPublishing().toMinutes()));
        }
        md.append("| | |\n|---|---:|\n");
        md.append(String.format("| profiles published | %,d |%n", f.published()));
        md.append(String.format("| API: publications answered | %.1f s, **%,.0f profiles/s** |%n", f.publishSeconds(),
                f.published() / f.publishSeconds()));
        md.append(String.format("| index: all searchable on the instance%s | %.1f s after the first request, **%,.0f "
                        + "profiles/s** |%n", f.allIndexed() ? "" : " (**not all**: " + f.indexed() + ")",
                f.indexedSeconds(), f.indexed() / f.indexedSeconds()));
        long[] lags = f.lags();
        if (lags.length > 0) {
            md.append(String.format("| publish answered → searchable, every %d-th profile (%d samples%s) | p50 %,d ms, "
                            + "p99 %,d ms, max %,d ms |%n", f.sampleEvery(), lags.length,
                    f.lagsMissing() > 0 ? ", " + f.lagsMissing() + " never found" : "", lags[lags.length / 2],
                    lags[Math.min(lags.length - 1, (int) (lags.length * 0.99))], lags[lags.length - 1]));
        }
        md.append(String.format("| proposals subscription: events done by the last publication | %,d (%,.1f/s) |%n",
                f.proposalsAtPublished(), f.proposalsAtPublished() / f.publishSeconds()));
        md.append(String.format("| proposals subscription: events done when all were searchable | %,d of %,d (%,.1f/s) |%n",
                f.proposalsAtIndexed(), f.published(), f.proposalsAtIndexed() / f.indexedSeconds()));
        md.append("\n## Where the CPU went\n\n");
        cpu(md, "while publishing", f.before(), f.published_());
        cpu(md, "after the last publication, until all searchable", f.published_(), f.indexed_());
        md.append("\n## Course of the run (every 5 s)\n\n<details><summary>seconds, accepted, indexed, proposals done"
                + "</summary>\n\n| s | accepted | indexed | proposals done |\n|---:|---:|---:|---:|\n");
        synchronized (f.progress()) {
            for (long[] row : f.progress()) {
                md.append(String.format("| %d | %,d | %,d | %,d |%n", row[0] / 1000, row[1], row[2], row[3]));
            }
        }
        md.append("\n</details>\n");
        return md.toString();
    }

    private static void cpu(StringBuilder md, String phase, CpuSnapshot from, CpuSnapshot to) {
        double wall = (to.wallNanos() - from.wallNanos()) / 1e9;
        double process = (to.processNanos() - from.processNanos()) / 1e9;
        md.append(String.format("%s (%.0f s): this JVM used %.0f CPU seconds, %.0f %% of one core (200 %% = both). "
                + "Its threads by name (CPU seconds, share of the JVM's):%n%n", capitalised(phase), wall, process,
                100 * process / wall));
        Map<String, Long> delta = new HashMap<>();
        to.byGroup().forEach((group, nanos) -> delta.put(group, nanos - from.byGroup().getOrDefault(group, 0L)));
        String rows = delta.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .map(e -> String.format("| `%s` | %.1f | %.0f %% |", e.getKey(), e.getValue() / 1e9,
                        100 * e.getValue() / 1e9 / process))
                .collect(Collectors.joining("\n"));
        md.append("| threads | CPU s | share |\n|---|---:|---:|\n").append(rows).append("\n\n");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
