package jp.iinj.coordination.benchmarks;

import static jp.iinj.coordination.benchmarks.InProcessCoordination.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.reactive.function.client.WebClient;

import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.topics.PlatformService;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CaseStatus;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.eventing.cloudevents.EventPayloadJson;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.cloudevents.KafkaBinaryMode;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignment latency: from a {@code match-agreed} produced on Kafka to the {@code coordinator-assigned} (or
 * {@code case-queued}) the service publishes on {@code coordination.case-events.v1}, at a steady rate. Starts one
 * coordination instance in this JVM on the integration tests' infrastructure ({@link InProcessCoordination}), puts a
 * roster on through the API, then sends agreed matches on business matching's topic exactly as business matching's
 * outbox does (its {@link OutboxEventFactory} and {@link KafkaBinaryMode}, CloudEvents binary mode) on a fixed
 * schedule, and reads the case events with a consumer of its own.
 *
 * <p>Latency counts from the <em>scheduled</em> send time, so a send that is late (a slow acknowledgement, a pause)
 * is measured, not hidden. The parts: scheduled send → the case's {@code openedAt} (delivery to the service, the
 * processed-ids check), {@code openedAt} → the event's Kafka timestamp (assignment, insert, outbox hand-off and
 * lease: the relay's producer stamps it), the rest (broker, fetch). A benchmark, not a test: nothing asserts a number.
 *
 * <p>{@code java ... AssignmentLatencyBenchmark <results file>}; system properties {@code benchmark.rate} (20 matches
 * per second), {@code benchmark.minutes} (3, measured), {@code benchmark.warmup-seconds} (60, at the same rate, not
 * counted), {@code benchmark.coordinators} (300), {@code benchmark.capacity-min}/{@code -max} (10/40),
 * {@code benchmark.seed} (15), {@code benchmark.quiet-max} (20: % of a core other processes may use before
 * measuring starts), {@code benchmark.quiet-wait} (120 s: then it measures anyway, and says so).
 */
public final class AssignmentLatencyBenchmark {

    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofSeconds(30);

    private AssignmentLatencyBenchmark() {
    }

    /** One agreed match as sent: when it was due (nanoTime and wall clock), when the broker acknowledged it. */
    private record Sent(String matchId, String eventId, int index, boolean warmUp, long dueNanos, long dueMillis,
                        long ackedNanos) {
    }

    /** How its case came out on the topic: assigned or queued, when the probe read it, the record's timestamp. */
    private record Outcome(boolean assigned, long readNanos, long recordMillis) {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        double rate = Double.parseDouble(System.getProperty("benchmark.rate", "20"));
        Duration measured = Duration.ofSeconds(Math.round(60 * Double.parseDouble(
                System.getProperty("benchmark.minutes", "3"))));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("benchmark.warmup-seconds", 60));
        int coordinatorCount = Integer.getInteger("benchmark.coordinators", 300);
        int minCapacity = Integer.getInteger("benchmark.capacity-min", 10);
        int maxCapacity = Integer.getInteger("benchmark.capacity-max", 40);
        long seed = Long.getLong("benchmark.seed", 15);

        long setupStart = System.nanoTime();
        InProcessCoordination.quietLogging();
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        ConfigurableApplicationContext service = InProcessCoordination.start(infrastructure, "assignment-benchmark");
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")).build();
        BenchmarkRegions regions = new BenchmarkRegions(seed);
        List<String> rostered = BenchmarkRegions.rostered(client, regions.roster(coordinatorCount, minCapacity,
                maxCapacity));
        ReactiveMongoTemplate mongo = service.getBean(ReactiveMongoTemplate.class);
        List<Coordinator> roster = mongo.findAll(Coordinator.class).collectList().block();
        JsonMapper json = service.getBean(JsonMapper.class);

        Map<String, Sent> sent = new ConcurrentHashMap<>();
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        CaseEventProbe probe = new CaseEventProbe(infrastructure.kafkaBootstrapServers(), json, outcomes);
        probe.awaitAssigned(Duration.ofSeconds(60));
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        log("service up, %d coordinators on the roster, probe reading, in %.1f s on %s", rostered.size(), setupSeconds,
                infrastructure.modeReason());

        boolean quiet = InProcessCoordination.awaitQuietMachine(
                Double.parseDouble(System.getProperty("benchmark.quiet-max", "20")),
                Duration.ofSeconds(Integer.getInteger("benchmark.quiet-wait", 120)));
        long period = Math.round(1e9 / rate);
        int warmUpCount = (int) Math.round(warmUp.toSeconds() * rate);
        int measuredCount = (int) Math.round(measured.toSeconds() * rate);
        List<long[]> course = new ArrayList<>();
        AtomicInteger sentCount = new AtomicInteger();
        ResourceUse start = ResourceUse.now();
        Thread sampler = daemon("benchmark-sampler", () -> sample(start, sentCount, outcomes, course));

        OutboxEventFactory businessMatching = new OutboxEventFactory(PlatformService.BUSINESS_MATCHING,
                new EventPayloadJson(), Clock.systemUTC());
        String database = service.getEnvironment().getProperty("spring.mongodb.database");
        ToLongFunction<String> examined = collection -> infrastructure.embeddedExaminedDocuments()
                .map(documents -> documents.count(database, collection)).orElse(0L);
        long[] examinedFrom = new long[2];
        long[] examinedTo = new long[2];
        ResourceUse measuredFrom = null;
        long zero = System.nanoTime() + 200_000_000L;
        try (TestProducer producer = TestProducer.connect(infrastructure.kafkaBootstrapServers())) {
            for (int i = 0; i < warmUpCount + measuredCount; i++) {
                if (i == warmUpCount) {
                    measuredFrom = ResourceUse.now();
                    examinedFrom[0] = examined.applyAsLong(CoordinationCase.COLLECTION);
                    examinedFrom[1] = examined.applyAsLong(Coordinator.COLLECTION);
                    log("warm-up done: %d sent, %d cases out", warmUpCount, outcomes.size());
                }
                long due = zero + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                MatchAgreedV1 agreed = regions.match();
                long dueMillis = System.currentTimeMillis() - (System.nanoTime() - due) / 1_000_000;
                OutboxEntry entry = asBusinessMatchingWritesIt(businessMatching, agreed);
                sent.put(agreed.matchId(), new Sent(agreed.matchId(), entry.event().id(), i, i < warmUpCount, due,
                        dueMillis, 0));
                ProducerRecord<String, byte[]> record = KafkaBinaryMode.toRecord(entry.topic(), entry.key(),
                        entry.event(), entry.data().getBytes(StandardCharsets.UTF_8));
                producer.send(record.topic(), record.key(), record.value(), headers(record));
                sent.computeIfPresent(agreed.matchId(), (id, s) -> new Sent(id, s.eventId(), s.index(), s.warmUp(),
                        s.dueNanos(), s.dueMillis(), System.nanoTime()));
                sentCount.incrementAndGet();
            }
        }
        ResourceUse sendingEnded = ResourceUse.now();
        examinedTo[0] = examined.applyAsLong(CoordinationCase.COLLECTION);
        examinedTo[1] = examined.applyAsLong(Coordinator.COLLECTION);
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (outcomes.keySet().containsAll(sent.keySet()) == false && System.nanoTime() < drainUntil) {
            Thread.sleep(20); // a benchmark's poll: Awaitility's rule is for tests
        }
        ResourceUse drained = ResourceUse.now();
        sampler.interrupt();
        probe.close();
        log("sent %d, %d cases out", sent.size(), outcomes.size());

        Map<String, CoordinationCase> cases = new HashMap<>();
        mongo.find(Query.query(Criteria.where("matchId").in(sent.keySet())), CoordinationCase.class)
                .toStream().forEach(found -> cases.put(found.matchId(), found));
        Map<String, Instant> processedAt = new HashMap<>();
        mongo.find(Query.query(Criteria.where("eventId").in(sent.values().stream().map(Sent::eventId).toList())),
                        Document.class, "processed_events").toStream()
                .forEach(found -> processedAt.put(found.getString("eventId"), found.getDate("processedAt").toInstant()));
        Map<String, Integer> openByCoordinator = new HashMap<>();
        mongo.find(Query.query(Criteria.where("open").is(true)), CoordinationCase.class).toStream()
                .filter(open -> open.assignment() != null)
                .forEach(open -> openByCoordinator.merge(open.assignment().coordinatorId(), 1, Integer::sum));

        String md = report(new Run(rate, measured, warmUp, warmUpCount, measuredCount, coordinatorCount, minCapacity,
                maxCapacity, setupSeconds, infrastructure.modeReason(), quiet, List.copyOf(sent.values()),
                Map.copyOf(outcomes), cases, processedAt, roster, openByCoordinator, start, measuredFrom, sendingEnded, drained, course,
                new long[] {examinedTo[0] - examinedFrom[0], examinedTo[1] - examinedFrom[1]}));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md, StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("written to " + results);
        service.close();
        System.exit(0);
    }

    /**
     * The event as business matching's outbox holds it (its factory: source, type, schema, region, correlation id);
     * its relay sends it with {@link KafkaBinaryMode}, as the sender here does.
     */
    private static OutboxEntry asBusinessMatchingWritesIt(OutboxEventFactory businessMatching, MatchAgreedV1 agreed) {
        return businessMatching.create(TopicCatalogue.MATCH_AGREED_V1, agreed.matchId(), agreed,
                new EventRegion(agreed.owner().bureau(), agreed.owner().prefectureCode(), null),
                UUID.randomUUID().toString());
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Every few seconds: sent, cases out, CPU of this JVM and of everything else, heap, load average. */
    private static void sample(ResourceUse start, AtomicInteger sent, Map<String, Outcome> outcomes,
                               List<long[]> course) {
        ResourceUse previous = start;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                ResourceUse now = ResourceUse.now();
                long[] row = {Math.round(now.secondsSince(start)), sent.get(), outcomes.size(),
                        Math.round(now.processPercentSince(previous)), Math.round(now.othersPercentSince(previous)),
                        now.heapUsed() / (1024 * 1024), now.heapCommitted() / (1024 * 1024),
                        Math.round(100 * Double.parseDouble(now.loadAverage().split(" ")[0]))};
                synchronized (course) {
                    course.add(row);
                }
                previous = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the case events from the topic's end with a consumer of its own, on its own thread: for each match, the
     * first {@code coordinator-assigned} or {@code case-queued} (case ids are matched to match ids through
     * {@code case-opened}, which comes first on the same partition).
     */
    private static final class CaseEventProbe implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final JsonMapper json;
        private final Map<String, Outcome> outcomes;
        private final Map<String, String> matchOfCase = new HashMap<>();
        private final Thread poller;
        private volatile boolean running = true;
        private volatile boolean assigned;

        CaseEventProbe(String bootstrapServers, JsonMapper json, Map<String, Outcome> outcomes) {
            this.json = json;
            this.outcomes = outcomes;
            String group = "assignment-benchmark-" + UUID.randomUUID();
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            consumer.subscribe(List.of(TopicCatalogue.CASE_EVENTS_V1.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    assigned = !partitions.isEmpty();
                }
            });
            this.poller = daemon("benchmark-case-event-probe", this::pollUntilClosed);
        }

        void awaitAssigned(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!assigned) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the probe got no partition of the case events topic");
                }
                Thread.sleep(50);
            }
        }

        private void pollUntilClosed() {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long read = System.nanoTime();
                        Header type = record.headers().lastHeader("ce_type");
                        if (type != null) {
                            take(new String(type.value(), StandardCharsets.UTF_8), record, read);
                        }
                    }
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            }
        }

        private void take(String type, ConsumerRecord<String, byte[]> record, long read) {
            JsonNode payload = json.readTree(record.value());
            String caseId = payload.path("caseId").asString();
            if (type.equals(TopicCatalogue.CASE_OPENED_V1.type())) {
                matchOfCase.put(caseId, payload.path("matchId").asString());
            } else if (type.equals(TopicCatalogue.COORDINATOR_ASSIGNED_V1.type())) {
                outcomes.putIfAbsent(payload.path("matchId").asString(), new Outcome(true, read, record.timestamp()));
            } else if (type.equals(TopicCatalogue.CASE_QUEUED_V1.type()) && matchOfCase.containsKey(caseId)) {
                outcomes.putIfAbsent(matchOfCase.get(caseId), new Outcome(false, read, record.timestamp()));
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            poller.join(10_000);
        }
    }

    private record Run(double rate, Duration measured, Duration warmUp, int warmUpCount, int measuredCount,
                       int coordinators, int minCapacity, int maxCapacity, double setupSeconds, String infrastructure,
                       boolean quiet, List<Sent> sent, Map<String, Outcome> outcomes,
                       Map<String, CoordinationCase> cases, Map<String, Instant> processedAt,
                       List<Coordinator> roster, Map<String, Integer> openByCoordinator, ResourceUse start,
                       ResourceUse measuredFrom, ResourceUse sendingEnded, ResourceUse drained, List<long[]> course,
                       long[] examinedWhileMeasuring) {
    }

    private static String report(Run run) {
        List<Sent> measured = run.sent().stream().filter(s -> !s.warmUp()).sorted(
                java.util.Comparator.comparingInt(Sent::index)).toList();
        List<Sent> out = measured.stream().filter(s -> run.outcomes().containsKey(s.matchId())).toList();
        long assigned = out.stream().filter(s -> run.outcomes().get(s.matchId()).assigned()).count();
        long queued = out.size() - assigned;
        long[] total = micros(out, s -> run.outcomes().get(s.matchId()).readNanos() - s.dueNanos());
        long[] assignedOnly = micros(out.stream().filter(s -> run.outcomes().get(s.matchId()).assigned()).toList(),
                s -> run.outcomes().get(s.matchId()).readNanos() - s.dueNanos());
        long[] ack = micros(out, s -> s.ackedNanos() - s.dueNanos());
        List<Sent> withCase = out.stream().filter(s -> run.cases().containsKey(s.matchId())).toList();
        long[] toOpened = millisAsMicros(withCase, s -> run.cases().get(s.matchId()).openedAt().toEpochMilli()
                - s.dueMillis());
        long[] openedToEvent = millisAsMicros(withCase, s -> run.outcomes().get(s.matchId()).recordMillis()
                - run.cases().get(s.matchId()).openedAt().toEpochMilli());
        List<Sent> processed = withCase.stream().filter(s -> run.processedAt().containsKey(s.eventId())).toList();
        long[] handled = millisAsMicros(processed, s -> run.processedAt().get(s.eventId()).toEpochMilli()
                - run.cases().get(s.matchId()).openedAt().toEpochMilli());
        // over the span in which the service handled the measured matches, which runs past the last send when it lags
        long handlingFrom = processed.stream().mapToLong(s -> run.cases().get(s.matchId()).openedAt().toEpochMilli())
                .min().orElse(0);
        long handlingTo = processed.stream().mapToLong(s -> run.processedAt().get(s.eventId()).toEpochMilli())
                .max().orElse(1);
        double consumerBusy = processed.isEmpty() ? 0 : Arrays.stream(handled).sum() / 1e3
                / Math.max(1, handlingTo - handlingFrom);
        long[] eventToRead = micros(withCase, s -> (run.outcomes().get(s.matchId()).readNanos() - s.dueNanos())
                - 1_000_000L * (run.outcomes().get(s.matchId()).recordMillis() - s.dueMillis()));

        ResourceUse from = run.measuredFrom();
        ResourceUse to = run.sendingEnded();
        int totalCapacity = run.roster().stream().mapToInt(Coordinator::capacity).sum();
        long away = run.roster().stream().filter(c -> c.availability().status().name().equals("AWAY")).count();
        long full = run.roster().stream().filter(c -> run.openByCoordinator().getOrDefault(c.id(), 0) >= c.capacity())
                .count();
        long queuedInStore = run.cases().values().stream().filter(c -> c.status() == CaseStatus.QUEUED).count();

        StringBuilder md = new StringBuilder();
        md.append("# Coordination: assignment latency\n\n")
                .append("Measured ").append(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                .append(" UTC with `infra/benchmarks/coordination-assignment.sh`: ").append(ResourceUse.machine())
                .append(".\n\n")
                .append("One coordination instance started in-process as the integration tests start it (")
                .append(run.infrastructure()).append("): KRaft Kafka and the embedded MongoDB stand-in ")
                .append("(mongo-java-server, in memory) in the same JVM, test tokens. ")
                .append(String.format("%d coordinators put on through the API (%d away today, capacities %d–%d, %,d "
                                + "in all; spread over the bureaus by a rough share of SMEs, a third also covering a "
                                + "neighbouring bureau). `match-agreed` events sent on `%s` as business matching's "
                                + "outbox sends them (CloudEvents binary mode), one every %.0f ms (**%.0f/s**), for "
                                + "%d s of warm-up (%,d, not counted) then **%d s measured (%,d)**; 60 %% of the "
                                + "matches within one bureau. Latency from each event's scheduled send time to the "
                                + "probe reading the case's `coordinator-assigned` (or `case-queued`) on `%s`. Setup "
                                + "%.0f s.%n%n",
                        run.coordinators(), away, run.minCapacity(), run.maxCapacity(), totalCapacity,
                        TopicCatalogue.MATCHING_EVENTS_V1.name(), 1000 / run.rate(), run.rate(),
                        run.warmUp().toSeconds(), run.warmUpCount(), run.measured().toSeconds(), run.measuredCount(),
                        TopicCatalogue.CASE_EVENTS_V1.name(), run.setupSeconds()));
        if (!run.quiet()) {
            md.append("**Other processes were busy when measuring started** (the wait for quiet gave up): see the "
                    + "CPU of other processes below.\n\n");
        }
        if (out.size() < measured.size()) {
            md.append(String.format("**%,d of %,d measured matches had no assigned/queued event within %d s of the "
                    + "last send.**%n%n", measured.size() - out.size(), measured.size(), DRAIN.toSeconds()));
        }
        md.append("| measured | |\n|---|---:|\n");
        md.append(String.format("| matches sent / cases out | %,d / %,d |%n", measured.size(), out.size()));
        md.append(String.format("| assigned / queued | **%,d / %,d** |%n", assigned, queued));
        md.append(String.format("| match-agreed → coordinator-assigned or case-queued read | %s |%n",
                percentiles(total)));
        md.append(String.format("| … assigned only | %s |%n", percentiles(assignedOnly)));
        md.append(String.format("| part: scheduled send → broker ack (the sender) | %s |%n", percentiles(ack)));
        md.append(String.format("| part: scheduled send → case `openedAt` (delivery, processed-ids check) | %s |%n",
                percentiles(toOpened)));
        md.append(String.format("| part: `openedAt` → event's Kafka timestamp (assignment, insert, relay lease) "
                + "| %s |%n", percentiles(openedToEvent)));
        md.append(String.format("| part: the rest (send, broker, probe's fetch) | %s |%n", percentiles(eventToRead)));
        md.append(String.format("| the handler: `openedAt` → processed id recorded (assignment, insert, record) | %s "
                + "|%n", percentiles(handled)));
        md.append(String.format("| share of the time the one consumer spent in handlers while handling them | %.0f %% |%n",
                100 * consumerBusy));
        long outWhileMeasuring = run.outcomes().values().stream().filter(o -> o.readNanos() >= from.wallNanos()
                && o.readNanos() < to.wallNanos()).count();
        md.append(String.format("| cases out per second while measuring (any match's, warm-up's included) | %.1f/s "
                + "|%n", outWhileMeasuring / to.secondsSince(from)));
        if (run.examinedWhileMeasuring()[0] + run.examinedWhileMeasuring()[1] > 0) {
            md.append(String.format("| documents the stand-in examined per match sent: `cases`, `coordinators` | "
                            + "%,.0f, %,.0f (`cases` held %,d–%,d) |%n",
                    (double) run.examinedWhileMeasuring()[0] / measured.size(),
                    (double) run.examinedWhileMeasuring()[1] / measured.size(), run.warmUpCount(),
                    run.warmUpCount() + measured.size()));
        }
        md.append(String.format("%nParts come from wall-clock milliseconds (the case's `openedAt`, the record's "
                + "timestamp), so each is ±1 ms. At the end: %,d of %d coordinators at or over capacity, %,d cases of "
                + "the run queued in the store. The service handles the events of its subscription one at a time "
                + "(one consumer, record acknowledgement), so the handler time bounds its throughput.%n", full, run.roster().size(), queuedInStore));

        md.append(String.format("%n## CPU, heap, machine%n%n"));
        md.append(String.format("| | measured (%.0f s) | drain after the last send (%.0f s) |%n|---|---:|---:|%n",
                to.secondsSince(from), run.drained().secondsSince(to)));
        md.append(String.format("| this JVM's CPU (200 %% = both cores) | %.0f %% | %.0f %% |%n",
                to.processPercentSince(from), run.drained().processPercentSince(to)));
        md.append(String.format("| CPU of every other process on the machine | %.0f %% | %.0f %% |%n",
                to.othersPercentSince(from), run.drained().othersPercentSince(to)));
        md.append(String.format("| CPU per match (this JVM: service, broker, stand-in, sender, probe) | %.1f ms | |%n",
                1000 * to.processSecondsSince(from) / Math.max(1, measured.size())));
        md.append(String.format("| garbage collections, time | %d, %d ms | %d, %d ms |%n", to.gcCount() - from.gcCount(),
                to.gcMillis() - from.gcMillis(), run.drained().gcCount() - to.gcCount(),
                run.drained().gcMillis() - to.gcMillis()));
        md.append(String.format("| heap used / committed at the end | %d / %d MiB | %d / %d MiB |%n",
                to.heapUsed() >> 20, to.heapCommitted() >> 20, run.drained().heapUsed() >> 20,
                run.drained().heapCommitted() >> 20));
        md.append(String.format("| load average (1, 5, 15 min; runnable) at the start → end | %s → %s | |%n%n",
                loadOf(from), loadOf(to)));
        md.append("Where this JVM's CPU went while measuring, by thread (name without numbers):\n\n");
        md.append(to.threadTable(from, 15));

        md.append(String.format("%n## Latency over the run (windows of %d s, from the first measured send)%n%n",
                WINDOW.toSeconds()));
        md.append("| window | matches | p50 ms | p99 ms | max ms | queued |\n|---|---:|---:|---:|---:|---:|\n");
        long window = WINDOW.toNanos();
        long first = measured.isEmpty() ? 0 : measured.get(0).dueNanos();
        Map<Long, List<Sent>> byWindow = new java.util.TreeMap<>();
        out.forEach(s -> byWindow.computeIfAbsent((s.dueNanos() - first) / window, w -> new ArrayList<>()).add(s));
        byWindow.forEach((w, in) -> {
            long[] l = micros(in, s -> run.outcomes().get(s.matchId()).readNanos() - s.dueNanos());
            md.append(String.format("| %d–%d s | %d | %.1f | %.1f | %.1f | %d |%n", w * WINDOW.toSeconds(),
                    (w + 1) * WINDOW.toSeconds(), in.size(), pct(l, 50) / 1000.0, pct(l, 99) / 1000.0,
                    l[l.length - 1] / 1000.0, in.stream().filter(s -> !run.outcomes().get(s.matchId()).assigned())
                            .count()));
        });

        md.append("\n## Course of the run (every 5 s, from the warm-up's start)\n\n<details><summary>seconds, sent, "
                + "cases out, CPU of this JVM and of others, heap, load</summary>\n\n| s | sent | cases out | JVM CPU % "
                + "| others CPU % | heap used MiB | heap committed MiB | load (1 min) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        synchronized (run.course()) {
            for (long[] row : run.course()) {
                md.append(String.format("| %d | %,d | %,d | %d | %d | %d | %d | %.2f |%n", row[0], row[1], row[2],
                        row[3], row[4], row[5], row[6], row[7] / 100.0));
            }
        }
        md.append("\n</details>\n");
        return md.toString();
    }

    private static String loadOf(ResourceUse use) {
        String[] parts = use.loadAverage().split(" ");
        return parts.length >= 4 ? parts[0] + ", " + parts[1] + ", " + parts[2] + "; " + parts[3] : use.loadAverage();
    }

    private static long[] micros(List<Sent> sent, ToLongFunction<Sent> nanos) {
        return sent.stream().mapToLong(s -> nanos.applyAsLong(s) / 1000).sorted().toArray();
    }

    private static long[] millisAsMicros(List<Sent> sent, ToLongFunction<Sent> millis) {
        return sent.stream().mapToLong(s -> millis.applyAsLong(s) * 1000).sorted().toArray();
    }

    /** Nearest rank on sorted values. */
    private static long pct(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String percentiles(long[] micros) {
        if (micros.length == 0) {
            return "none";
        }
        return String.format("p50 **%.1f** ms, p90 %.1f ms, p99 **%.1f** ms, max %.1f ms", pct(micros, 50) / 1000.0,
                pct(micros, 90) / 1000.0, pct(micros, 99) / 1000.0, micros[micros.length - 1] / 1000.0);
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
