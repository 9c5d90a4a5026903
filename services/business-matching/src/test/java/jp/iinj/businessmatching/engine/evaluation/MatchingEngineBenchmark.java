package jp.iinj.businessmatching.engine.evaluation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import jp.iinj.businessmatching.engine.LocalizedText;
import jp.iinj.businessmatching.engine.MatchableProfile;
import jp.iinj.businessmatching.engine.MatchingEngine;
import jp.iinj.businessmatching.engine.MatchingSettings;
import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.matching.TechnicalGlossary;
import jp.iinj.contracts.membership.OrganisationType;

/**
 * How the engine scales: indexes N synthetic published profiles (vocabulary drawn from the technical glossary,
 * Japanese, English or both, realistic field distributions), then asks the top-10 proposals for new profiles and
 * reports p50 and p99, the index build time and the heap used after a full GC. The engine is loaded directly, on an
 * on-disk index (memory-mapped, off the heap), as the service runs it with {@code search-index.directory} set.
 *
 * <p>{@code java ... MatchingEngineBenchmark <results file> 10000 100000 1000000}
 */
public final class MatchingEngineBenchmark {

    private static final int QUERIES = 1000;
    private static final int WARM_UP = 500;
    private static final String[] BUREAUS = {"hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku",
            "kyushu", "okinawa"};
    private static final String[] JA_FILLER = {"を提供します", "を探しています", "に関する技術", "の開発を進めています",
            "で実績があります", "を共同で開発したい", "の協力先を募集", "を短納期で対応", "の品質を高めたい", "を低コストで実現"};
    private static final String[] EN_FILLER = {"we offer", "we are looking for", "technology for", "development of",
            "with proven results in", "joint development of", "partner wanted for", "short lead times", "higher quality",
            "lower cost"};

    private MatchingEngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        int[] sizes = Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray();
        TechnicalGlossary glossary = TechnicalGlossary.current();
        List<TechnicalGlossary.Concept> concepts = new ArrayList<>(glossary.concepts());
        StringBuilder md = new StringBuilder();
        md.append("# Matching engine at scale\n\n")
                .append("Measured ").append(LocalDate.now(ZoneId.of("Asia/Tokyo")))
                .append(" with `infra/benchmarks/matching-engine.sh` on this machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB, Java ")
                .append(System.getProperty("java.version")).append("). Synthetic published profiles: words from the ")
                .append(concepts.size()).append(" concepts of the technical glossary, a third Japanese, a third ")
                .append("English, a third both; 1–2 technology fields, 60 % offers. Top-10 proposals for ").append(QUERIES)
                .append(" new profiles after ").append(WARM_UP).append(" warm-up queries; one thread; index on disk ")
                .append("(memory-mapped). Heap: used after a full GC with the index open. Load: the machine's load ")
                .append("average (1 min) when the queries end; above about 1, other processes shared the 2 CPUs and ")
                .append("the latencies include them.\n\n")
                .append("| published profiles | index build | profiles/s | top-10 p50 | top-10 p99 | heap used | load |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        // -Dbenchmark.indexes=<dir> keeps each size's index there and measures it again next time without a rebuild
        String kept = System.getProperty("benchmark.indexes");
        for (int size : sizes) {
            Path directory = kept == null ? Files.createTempDirectory("matching-benchmark-") : Path.of(kept, "p" + size);
            boolean reuse = kept != null && Files.exists(directory.resolve("built"));
            try (MatchingEngine engine = reuse
                    ? MatchingEngine.reopened(directory, glossary, MatchingSettings.defaults().withThreshold(0))
                    : MatchingEngine.inDirectory(directory, glossary, MatchingSettings.defaults().withThreshold(0))) {
                long start = System.nanoTime();
                if (!reuse) {
                    engine.rebuild(() -> generated(concepts, size, 1));
                }
                double buildSeconds = reuse ? Double.NaN : (System.nanoTime() - start) / 1e9;
                if (kept != null && !reuse) {
                    Files.writeString(directory.resolve("built"), String.format("%.1f", buildSeconds));
                } else if (reuse) {
                    buildSeconds = Double.parseDouble(Files.readString(directory.resolve("built")));
                }
                Iterator<MatchableProfile> queries = generated(concepts, WARM_UP + QUERIES, 2);
                for (int i = 0; i < WARM_UP; i++) {
                    engine.proposalsFor(queries.next());
                }
                long[] nanos = new long[QUERIES];
                for (int i = 0; i < QUERIES; i++) {
                    MatchableProfile query = queries.next();
                    long t = System.nanoTime();
                    engine.proposalsFor(query);
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                long heap = heapAfterGc();
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                String row = String.format("| %,d | %.1f s | %,.0f | %.1f ms | %.1f ms | %d MiB | %.1f |%n", size,
                        buildSeconds, size / buildSeconds, nanos[QUERIES / 2] / 1e6, nanos[(int) (QUERIES * 0.99)] / 1e6,
                        heap / (1024 * 1024), load);
                System.out.print(row);
                md.append(row);
            } finally {
                if (kept == null) {
                    deleteRecursively(directory);
                }
            }
        }
        int scanSize = Integer.getInteger("scan.size", 100_000); // 0: no scan
        if (scanSize > 0) {
            md.append("\n## Against a MongoDB regex scan at ").append(String.format("%,d", scanSize)).append("\n\n");
            List<MatchableProfile> scanQueries = new ArrayList<>();
            generated(concepts, 100, 3).forEachRemaining(scanQueries::add);
            double[] scan = RegexScanComparison.measure(generated(concepts, scanSize, 1), scanQueries);
            String scanRow = String.format("A case-insensitive regex scan for each new profile's title words over the same %,d "
                    + "profiles (embedded MongoDB server, every match's id, 100 queries): p50 %.1f ms, p99 %.1f ms. "
                    + "Compare the top-10 proposals at the same size above.%n", scanSize, scan[0], scan[1]);
            System.out.print(scanRow);
            md.append(scanRow);
        }
        Files.createDirectories(results.getParent());
        Files.writeString(results, md.toString(), StandardCharsets.UTF_8);
        System.out.println("written to " + results);
    }

    /** {@code count} profiles, the same for the same seed. */
    static Iterator<MatchableProfile> generated(List<TechnicalGlossary.Concept> concepts, int count, long seed) {
        Random random = new Random(seed);
        return new Iterator<>() {
            int made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public MatchableProfile next() {
                made++;
                return profile(concepts, random, seed + "-" + made);
            }
        };
    }

    private static MatchableProfile profile(List<TechnicalGlossary.Concept> concepts, Random random, String id) {
        // a profile is about a few related concepts: one field's concepts mostly
        TechnicalGlossary.Concept main = concepts.get(random.nextInt(concepts.size()));
        List<TechnicalGlossary.Concept> about = new ArrayList<>(List.of(main));
        for (int i = 0; i < 3; i++) {
            about.add(concepts.get(random.nextInt(concepts.size())));
        }
        int language = random.nextInt(3);
        String ja = language == 1 ? null : text(about, random, true);
        String en = language == 0 ? null : text(about, random, false);
        String title = language == 1 ? null : word(main, random, true) + JA_FILLER[random.nextInt(JA_FILLER.length)];
        String titleEn = language == 0 ? null : EN_FILLER[random.nextInt(EN_FILLER.length)] + " " + word(main, random, false);
        ProfileType type = random.nextInt(10) < 6 ? ProfileType.TECHNOLOGY_OFFER
                : random.nextBoolean() ? ProfileType.TECHNOLOGY_REQUEST : ProfileType.RD_PARTNER_REQUEST;
        String field = main.technologyField() != null ? main.technologyField() : "machinery";
        Set<String> fields = new java.util.HashSet<>(Set.of(field));
        if (random.nextInt(3) == 0 && about.get(1).technologyField() != null) {
            fields.add(about.get(1).technologyField());
        }
        OrganisationType owner = OrganisationType.values()[random.nextInt(6)];
        return new MatchableProfile(id, "member-" + random.nextInt(200_000), type, owner, null,
                BUREAUS[random.nextInt(BUREAUS.length)], new LocalizedText(title, titleEn),
                new LocalizedText(ja, en), new LocalizedText(ja == null ? null : ja + ja, en), null,
                List.of(word(about.get(2), random, language != 1)), fields, Set.of(String.valueOf((char) ('A' + random.nextInt(20)))),
                DevelopmentStage.values()[random.nextInt(5)], IpStatus.values()[random.nextInt(4)],
                Set.of(PartnershipType.values()[random.nextInt(6)]), Set.of(),
                Set.of(random.nextBoolean() ? "nationwide" : BUREAUS[random.nextInt(BUREAUS.length)]));
    }

    private static String text(List<TechnicalGlossary.Concept> about, Random random, boolean japanese) {
        StringBuilder text = new StringBuilder();
        for (TechnicalGlossary.Concept concept : about) {
            text.append(word(concept, random, japanese))
                    .append(japanese ? JA_FILLER[random.nextInt(JA_FILLER.length)] + "。"
                            : " " + EN_FILLER[random.nextInt(EN_FILLER.length)] + ". ");
        }
        return text.toString();
    }

    private static String word(TechnicalGlossary.Concept concept, Random random, boolean japanese) {
        List<String> words = japanese ? concept.japanese() : concept.english();
        if (words.isEmpty()) {
            words = japanese ? concept.english() : concept.japanese();
        }
        return words.get(random.nextInt(words.size()));
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
