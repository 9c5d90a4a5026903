package jp.iinj.coordination.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.matching.MatchParty;
import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.testing.tokens.TestTokens;
import reactor.core.publisher.Flux;

/**
 * A synthetic but plausible country for the benchmarks: agreed matches spread over the bureaus by a rough share of
 * Japan's SMEs (Kanto most, Okinawa least), most of them within one bureau, and a roster sized to that spread, every
 * coordinator covering their own bureau and some a neighbour too. Seeded, so two runs see the same roster and matches.
 */
final class BenchmarkRegions {

    /** Rough shares of SMEs per bureau (per cent), which both the matches and the roster follow. */
    private static final Map<String, Integer> WEIGHTS = weights();
    /** The bureau next door, covered as well by a third of the coordinators. */
    private static final Map<String, String> NEIGHBOURS = Map.of("hokkaido", "tohoku", "tohoku", "kanto",
            "kanto", "chubu", "chubu", "kinki", "kinki", "chugoku", "chugoku", "shikoku", "shikoku", "kinki",
            "kyushu", "chugoku", "okinawa", "kyushu");
    private static final List<String> TECHNOLOGY_FIELDS = List.of("biotechnology", "medical-healthcare", "ict",
            "software-ai", "electronics-semiconductors", "machinery", "robotics", "materials", "metal-processing",
            "chemicals", "nanotechnology", "environment", "energy", "aerospace", "automotive-mobility",
            "food-agriculture", "textiles", "construction-infrastructure", "optics-photonics", "services-design");
    private static final List<String> JSIC_DIVISIONS = List.of("E", "E", "E", "G", "I", "L", "D", "H");
    /** Share of the roster away today (ineligible), as holidays and sick leave make some always. */
    private static final double AWAY = 0.05;
    /** Share of matches whose two parties are in the same bureau. */
    private static final double SAME_BUREAU = 0.6;

    private final Random random;
    private final Map<String, List<String>> prefectures = new LinkedHashMap<>();

    BenchmarkRegions(long seed) {
        this.random = new Random(seed);
        for (Prefecture prefecture : PrefectureDirectory.current().all()) {
            prefectures.computeIfAbsent(prefecture.bureau().id(), bureau -> new ArrayList<>()).add(prefecture.jisCode());
        }
        prefectures.values().forEach(codes -> codes.sort(Comparator.naturalOrder()));
    }

    /** A roster entry as an administrator would put it on: bureau(s), 1–3 fields, 1–2 JSIC divisions, capacity. */
    record NewCoordinator(String subject, String json) {
    }

    /**
     * {@code count} coordinators spread over the bureaus by their weight (at least two each), with capacities drawn
     * evenly from {@code minCapacity}–{@code maxCapacity}.
     */
    List<NewCoordinator> roster(int count, int minCapacity, int maxCapacity) {
        List<String> homes = new ArrayList<>();
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        WEIGHTS.forEach((bureau, weight) -> {
            int share = Math.max(2, Math.round((float) count * weight / total));
            for (int i = 0; i < share; i++) {
                homes.add(bureau);
            }
        });
        while (homes.size() > count) {
            homes.remove(homes.indexOf("kanto"));
        }
        while (homes.size() < count) {
            homes.add(bureau());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        List<NewCoordinator> entries = new ArrayList<>();
        for (int i = 0; i < homes.size(); i++) {
            String home = homes.get(i);
            List<String> bureaus = random.nextDouble() < 1.0 / 3 ? List.of(home, NEIGHBOURS.get(home)) : List.of(home);
            String availability = random.nextDouble() < AWAY
                    ? "{\"status\":\"AWAY\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(today.minusDays(2),
                    today.plusDays(7))
                    : "{\"status\":\"ACTIVE\"}";
            String json = """
                    {"name":"Coordinator %d","bureaus":%s,"prefectures":[],"technologyFields":%s,"jsicDivisions":%s,\
                    "languages":["ja"],"capacity":%d,"availability":%s}""".formatted(i, quoted(bureaus),
                    quoted(some(TECHNOLOGY_FIELDS, 1 + random.nextInt(3))),
                    quoted(some(JSIC_DIVISIONS, 1 + random.nextInt(2))),
                    minCapacity + random.nextInt(maxCapacity - minCapacity + 1), availability);
            entries.add(new NewCoordinator("benchmark-coordinator-" + UUID.randomUUID(), json));
        }
        return entries;
    }

    /** Puts the entries on the roster through the API as an administrator, a few at a time; returns their ids. */
    static List<String> rostered(WebClient client, List<NewCoordinator> entries) {
        String token = TestTokens.admin();
        return Flux.fromIterable(entries)
                .flatMapSequential(entry -> client.post().uri("/api/coordination/coordinators")
                        .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"subject\":\"" + entry.subject() + "\",\"entry\":" + entry.json() + "}")
                        .retrieve().bodyToMono(Map.class).map(created -> (String) created.get("id")), 8)
                .collectList().block(Duration.ofMinutes(10));
    }

    /** A new agreed match: the owner's bureau by weight, the interested party mostly in the same one. */
    MatchAgreedV1 match() {
        String ownerBureau = bureau();
        String interestedBureau = random.nextDouble() < SAME_BUREAU ? ownerBureau : bureau();
        return new MatchAgreedV1(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                new MatchParty(UUID.randomUUID().toString(), UUID.randomUUID().toString(), ownerBureau,
                        prefecture(ownerBureau)),
                new MatchParty(UUID.randomUUID().toString(), null, interestedBureau, prefecture(interestedBureau)),
                some(TECHNOLOGY_FIELDS, 1 + random.nextInt(3)), java.time.Instant.now());
    }

    String bureau() {
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Map.Entry<String, Integer> weight : WEIGHTS.entrySet()) {
            draw -= weight.getValue();
            if (draw < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    String prefecture(String bureau) {
        List<String> codes = prefectures.get(bureau);
        return codes.get(random.nextInt(codes.size()));
    }

    List<String> technologyFields() {
        return some(TECHNOLOGY_FIELDS, 1 + random.nextInt(3));
    }

    Random random() {
        return random;
    }

    private List<String> some(List<String> from, int count) {
        List<String> picked = new ArrayList<>();
        while (picked.size() < count) {
            String next = from.get(random.nextInt(from.size()));
            if (!picked.contains(next)) {
                picked.add(next);
            }
        }
        return picked;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString().replace(" ", "");
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("kanto", 31);
        weights.put("kinki", 16);
        weights.put("chubu", 15);
        weights.put("kyushu", 10);
        weights.put("tohoku", 8);
        weights.put("chugoku", 6);
        weights.put("hokkaido", 5);
        weights.put("shikoku", 3);
        weights.put("okinawa", 1);
        return weights;
    }
}
