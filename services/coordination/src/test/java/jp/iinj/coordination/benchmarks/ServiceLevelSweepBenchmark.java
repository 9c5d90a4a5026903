package jp.iinj.coordination.benchmarks;

import static jp.iinj.coordination.benchmarks.InProcessCoordination.log;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.reactive.function.client.WebClient;

import jp.iinj.coordination.cases.CaseStatus;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.coordination.cases.DueDates;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.coordination.servicelevels.ServiceLevelSweep;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.testing.infrastructure.TestInfrastructure;

/**
 * The service-level sweep over many open cases: starts one coordination instance in this JVM on the integration
 * tests' infrastructure ({@link InProcessCoordination}), puts a roster on through the API, seeds N open cases
 * ({@link OpenCasesSeed}: a mix of assigned and accepted, in time and overdue, escalated already, in contact,
 * queued), then runs the service's own sweep ({@code ServiceLevelSweep.sweep()}) several times in a row and measures
 * each: wall time, this JVM's CPU and by thread, garbage collection, documents the MongoDB stand-in examined in
 * {@code cases}, what the sweep says it did, what is still overdue afterwards, and how long the outbox relay took
 * to publish the events the sweep wrote. The first sweep finds the overdue work; the next ones show the cost of a
 * sweep with (nearly) nothing to do, which is every sweep of a running service. A benchmark, not a test.
 *
 * <p>{@code java ... ServiceLevelSweepBenchmark <results file> <N>}; system properties {@code benchmark.sweeps} (3),
 * {@code benchmark.coordinators} (1500), {@code benchmark.capacity-min}/{@code -max} (60/100),
 * {@code benchmark.assigned-overdue-percent} (2), {@code benchmark.accepted-overdue-percent} (2),
 * {@code benchmark.seed} (15), {@code benchmark.quiet-max} (20), {@code benchmark.quiet-wait} (120 s).
 */
public final class ServiceLevelSweepBenchmark {

    private static final Duration SWEEP_LIMIT = Duration.ofMinutes(60);
    private static final Duration RELAY_LIMIT = Duration.ofMinutes(15);

    private ServiceLevelSweepBenchmark() {
    }

    /** One sweep: what it cost, what it reported, and the state of the cases afterwards. */
    private record Sweep(int number, double seconds, ResourceUse before, ResourceUse after, long examined,
                         ServiceLevelSweep.Result result, Overdue overdueAfter, long pendingEvents, double relaySeconds,
                         boolean relayed) {
    }

    /** What the service levels find now, counted by queries on the store, and what those queries cost. */
    private record Overdue(long toReassign, long toEscalate, long escalated, long queued, long open, double seconds,
                           long examined) {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        int sweeps = Integer.getInteger("benchmark.sweeps", 3);
        int coordinatorCount = Integer.getInteger("benchmark.coordinators", 1500);
        int minCapacity = Integer.getInteger("benchmark.capacity-min", 60);
        int maxCapacity = Integer.getInteger("benchmark.capacity-max", 100);
        double assignedOverdue = Double.parseDouble(System.getProperty("benchmark.assigned-overdue-percent", "2"));
        double acceptedOverdue = Double.parseDouble(System.getProperty("benchmark.accepted-overdue-percent", "2"));
        long seed = Long.getLong("benchmark.seed", 15);

        long setupStart = System.nanoTime();
        InProcessCoordination.quietLogging();
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        // only the sweeps measured here: the service's own schedule would start one in the middle of the seeding
        ConfigurableApplicationContext service = InProcessCoordination.start(infrastructure, "sweep-benchmark",
                Map.of("iinj.coordination.service-levels.sweep-enabled", "false"));
        String database = service.getEnvironment().getProperty("spring.mongodb.database");
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")).build();
        BenchmarkRegions regions = new BenchmarkRegions(seed);
        BenchmarkRegions.rostered(client, regions.roster(coordinatorCount, minCapacity, maxCapacity));
        ReactiveMongoTemplate mongo = service.getBean(ReactiveMongoTemplate.class);
        List<Coordinator> roster = mongo.findAll(Coordinator.class).collectList().block();
        log("service up, %d coordinators on the roster, in %.1f s", roster.size(),
                (System.nanoTime() - setupStart) / 1e9);

        long seedStart = System.nanoTime();
        ResourceUse seedFrom = ResourceUse.now();
        OpenCasesSeed seeding = new OpenCasesSeed(regions, service.getBean(DueDates.class), roster);
        Map<OpenCasesSeed.Kind, Integer> seeded = seeding.write(service.getBean(AggregateStore.class), total,
                assignedOverdue, acceptedOverdue, 16);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        ResourceUse seedTo = ResourceUse.now();
        log("%,d open cases seeded in %.1f s: %s", total, seedSeconds, seeded);

        Examined examined = new Examined(infrastructure, database);
        Overdue before = overdue(mongo, examined);
        log("before sweeping: %s", before);

        boolean quiet = InProcessCoordination.awaitQuietMachine(
                Double.parseDouble(System.getProperty("benchmark.quiet-max", "20")),
                Duration.ofSeconds(Integer.getInteger("benchmark.quiet-wait", 120)));
        ServiceLevelSweep sweep = service.getBean(ServiceLevelSweep.class);
        List<Sweep> done = new ArrayList<>();
        for (int number = 1; number <= sweeps; number++) {
            System.gc();
            long examinedBefore = examined.now();
            ResourceUse from = ResourceUse.now();
            ServiceLevelSweep.Result result = sweep.sweep().block(SWEEP_LIMIT);
            ResourceUse to = ResourceUse.now();
            long examinedBySweep = examined.now() - examinedBefore;
            long relayStart = System.nanoTime();
            long pending = pendingEvents(mongo);
            boolean relayed = awaitRelayed(mongo, RELAY_LIMIT);
            double relaySeconds = (System.nanoTime() - relayStart) / 1e9;
            Overdue after = overdue(mongo, examined);
            done.add(new Sweep(number, to.secondsSince(from), from, to, examinedBySweep, result, after,
                    pending, relaySeconds, relayed));
            log("sweep %d: %.1f s, %.1f CPU s, %,d documents examined; %s; %,d events pending, relayed in %.1f s; "
                    + "after: %s", number, to.secondsSince(from), to.processSecondsSince(from), examinedBySweep,
                    result, pending, relaySeconds, after);
        }

        String md = report(total, seeded, coordinatorCount, minCapacity, maxCapacity, roster, seedSeconds, seedFrom,
                seedTo, before, quiet, done, infrastructure.modeReason(), assignedOverdue, acceptedOverdue);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md, StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("written to " + results);
        service.close();
        System.exit(0);
    }

    /** Documents the embedded stand-in examined in this database's {@code cases}; 0 on a real MongoDB. */
    private record Examined(TestInfrastructure infrastructure, String database) {

        long now() {
            return infrastructure.embeddedExaminedDocuments()
                    .map(examined -> examined.count(database, CoordinationCase.COLLECTION)).orElse(0L);
        }
    }

    /** The overdue cases by kind, counted with the same criteria the service levels state. */
    private static Overdue overdue(ReactiveMongoTemplate mongo, Examined examined) {
        long examinedBefore = examined.now();
        long start = System.nanoTime();
        Instant now = Instant.now();
        long toReassign = count(mongo, where("status").is(CaseStatus.ASSIGNED).and("acceptanceDueAt").lt(now));
        long toEscalate = count(mongo, where("status").is(CaseStatus.ACCEPTED).and("stagesReached.firstContactAt")
                .is(null).and("escalation").is(null).and("firstContactDueAt").lt(now));
        long escalated = count(mongo, where("open").is(true).and("escalation").ne(null));
        long queued = count(mongo, where("status").is(CaseStatus.QUEUED));
        long open = count(mongo, where("open").is(true));
        return new Overdue(toReassign, toEscalate, escalated, queued, open, (System.nanoTime() - start) / 1e9,
                examined.now() - examinedBefore);
    }

    private static long count(ReactiveMongoTemplate mongo, Criteria criteria) {
        return mongo.count(Query.query(criteria), CoordinationCase.class).block();
    }

    private static long pendingEvents(ReactiveMongoTemplate mongo) {
        return mongo.find(Query.query(where("outboxPending").gt(0)), org.bson.Document.class,
                        CoordinationCase.COLLECTION)
                .map(found -> ((Number) found.get("outboxPending")).longValue()).reduce(0L, Long::sum).block();
    }

    private static boolean awaitRelayed(ReactiveMongoTemplate mongo, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (Boolean.TRUE.equals(mongo.exists(Query.query(where("outboxPending").gt(0)),
                CoordinationCase.COLLECTION).block())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200); // a benchmark's poll: Awaitility's rule is for tests
        }
        return true;
    }

    private static String report(int total, Map<OpenCasesSeed.Kind, Integer> seeded, int coordinators,
                                 int minCapacity, int maxCapacity, List<Coordinator> roster, double seedSeconds,
                                 ResourceUse seedFrom, ResourceUse seedTo, Overdue before, boolean quiet,
                                 List<Sweep> sweeps, String infrastructure, double assignedOverdue,
                                 double acceptedOverdue) {
        StringBuilder md = new StringBuilder();
        int capacity = roster.stream().mapToInt(Coordinator::capacity).sum();
        md.append("# Coordination: the service-level sweep\n\n")
                .append("Measured ").append(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                .append(String.format(" UTC with `infra/benchmarks/coordination-sweep.sh %d`: ", total))
                .append(ResourceUse.machine()).append(".\n\n")
                .append("One coordination instance started in-process as the integration tests start it (")
                .append(infrastructure).append("): KRaft Kafka and the embedded MongoDB stand-in ")
                .append("(mongo-java-server, in memory) in the same JVM. ")
                .append(String.format("%,d coordinators put on through the API (capacities %d–%d, %,d in all). %,d "
                                + "open cases written straight into `cases` through the service's `CoordinationCase` "
                                + "and `AggregateStore` in %.0f s (%,.0f/s; this JVM %.0f %% of a core), built as the "
                                + "service builds them (due dates from its `DueDates`, Japanese business days) at "
                                + "times in the past that make them overdue or not now; %.0f %% acceptance overdue "
                                + "and %.0f %% first contact overdue were asked for:%n%n", coordinators, minCapacity,
                        maxCapacity, capacity, total, seedSeconds, total / seedSeconds,
                        seedTo.processPercentSince(seedFrom), assignedOverdue, acceptedOverdue));
        md.append("| seeded | cases |\n|---|---:|\n");
        for (OpenCasesSeed.Kind kind : OpenCasesSeed.Kind.values()) {
            md.append(String.format("| %s | %,d |%n", kind.words, seeded.getOrDefault(kind, 0)));
        }
        md.append(String.format("%nBefore the first sweep the store says: %s.%n%n", words(before)));
        if (!quiet) {
            md.append("**Other processes were busy when the sweeps started** (the wait for quiet gave up): see the "
                    + "CPU of other processes below.\n\n");
        }
        if (sweeps.isEmpty()) {
            md.append("No sweep was run (`BENCH_SWEEPS=0`: the seeding and the counts only).\n");
            return md.toString();
        }
        md.append("## Each sweep\n\n| | ")
                .append(String.join(" | ", sweeps.stream().map(s -> "sweep " + s.number()).toList()))
                .append(" |\n|---|").append("---:|".repeat(sweeps.size())).append("\n");
        row(md, "wall time", sweeps, s -> String.format("**%.1f s**", s.seconds()));
        row(md, "this JVM's CPU", sweeps, s -> String.format("**%.1f s** (%.0f %% of a core)",
                s.after().processSecondsSince(s.before()), s.after().processPercentSince(s.before())));
        row(md, "CPU of every other process", sweeps, s -> String.format("%.0f %% of a core",
                s.after().othersPercentSince(s.before())));
        row(md, "documents the stand-in examined in `cases`", sweeps, s -> String.format("%,d", s.examined()));
        row(md, "garbage collections, time", sweeps, s -> String.format("%d, %d ms",
                s.after().gcCount() - s.before().gcCount(), s.after().gcMillis() - s.before().gcMillis()));
        row(md, "heap used after", sweeps, s -> String.format("%d MiB", s.after().heapUsed() >> 20));
        row(md, "reported: reassigned / queued and escalated / escalated / skipped", sweeps,
                s -> String.format("%,d / %,d / %,d / %,d", s.result().reassigned(), s.result().queued(),
                        s.result().escalated(), s.result().skipped()));
        row(md, "changes per second", sweeps, s -> String.format("%,.0f/s", s.result().changed() / s.seconds()));
        row(md, "events pending in outboxes after it", sweeps, s -> String.format("%,d", s.pendingEvents()));
        row(md, "until the relay published them all", sweeps, s -> String.format("%.1f s%s", s.relaySeconds(),
                s.relayed() ? "" : " (**not all**)"));
        row(md, "afterwards: acceptance overdue", sweeps, s -> String.format("%,d", s.overdueAfter().toReassign()));
        row(md, "afterwards: first contact overdue, not escalated", sweeps,
                s -> String.format("%,d", s.overdueAfter().toEscalate()));
        row(md, "afterwards: escalated (open)", sweeps, s -> String.format("%,d", s.overdueAfter().escalated()));
        row(md, "afterwards: queued", sweeps, s -> String.format("%,d", s.overdueAfter().queued()));
        row(md, "load average (1, 5, 15 min) at the end", sweeps, s -> s.after().loadAverage().substring(0,
                Math.min(14, s.after().loadAverage().length())));
        md.append(String.format("%nFor comparison, the five counts above (`count` queries on the store with the "
                + "service levels' criteria) took %.1f s before the first sweep and made the stand-in examine %,d "
                + "documents: it has no range indexes, so every such query reads the whole collection.%n",
                before.seconds(), before.examined()));
        for (Sweep sweep : sweeps) {
            md.append(String.format("%nWhere this JVM's CPU went in sweep %d, by thread:%n%n", sweep.number()));
            md.append(sweep.after().threadTable(sweep.before(), 12));
        }
        return md.toString();
    }

    private interface Cell {
        String of(Sweep sweep);
    }

    private static void row(StringBuilder md, String name, List<Sweep> sweeps, Cell cell) {
        md.append("| ").append(name).append(" | ")
                .append(String.join(" | ", sweeps.stream().map(cell::of).toList())).append(" |\n");
    }

    private static String words(Overdue overdue) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("open", overdue.open());
        counts.put("acceptance overdue", overdue.toReassign());
        counts.put("first contact overdue and not escalated", overdue.toEscalate());
        counts.put("escalated", overdue.escalated());
        counts.put("queued", overdue.queued());
        return String.join(", ", counts.entrySet().stream()
                .map(e -> String.format("%,d %s", e.getValue(), e.getKey())).toList());
    }
}
