package jp.iinj.coordination.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.coordination.assignment.AssignmentReason;
import jp.iinj.coordination.cases.CaseParts;
import jp.iinj.coordination.cases.CaseStage;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.coordination.cases.DueDates;
import jp.iinj.coordination.roster.Availability;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.eventing.outbox.AggregateStore;
import reactor.core.publisher.Flux;

/**
 * Open cases written straight into {@code cases} through the service's own {@link CoordinationCase} and its
 * {@link AggregateStore} (no events: they are the past), as if the service had been running for months: each built
 * the way the service builds it (opened, assigned with the service's {@link DueDates}, accepted, stages reached) at a
 * time in the past chosen so that it is, or is not, overdue now. Coordinators get cases of their own bureau only
 * up to their capacity; a case nobody can take is queued.
 */
final class OpenCasesSeed {

    /** What a seeded case is, with respect to the service levels now. */
    enum Kind {
        ASSIGNED_IN_TIME("assigned, acceptance not yet due"),
        ASSIGNED_OVERDUE("assigned, acceptance overdue: to reassign"),
        ACCEPTED_IN_TIME("accepted, no first contact, not yet due"),
        ACCEPTED_OVERDUE("accepted, first contact overdue: to escalate"),
        ACCEPTED_ESCALATED("accepted, first contact overdue, escalated already"),
        IN_CONTACT("accepted, first contact made (a later stage for some)"),
        QUEUED("queued, waiting for a coordinator by hand");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private static final AssignmentReason SEEDED = new AssignmentReason("ベンチマークの初期データ", "Benchmark seed data.");

    private final BenchmarkRegions regions;
    private final DueDates dueDates;
    private final Random random;
    private final Map<String, List<Coordinator>> byBureau = new HashMap<>();
    private final Map<String, Integer> taken = new HashMap<>();
    private final Map<String, AtomicInteger> nextInBureau = new HashMap<>();
    private final Map<Kind, Integer> seeded = new EnumMap<>(Kind.class);

    OpenCasesSeed(BenchmarkRegions regions, DueDates dueDates, List<Coordinator> roster) {
        this.regions = regions;
        this.dueDates = dueDates;
        this.random = regions.random();
        for (Coordinator coordinator : roster) {
            if (coordinator.active() && coordinator.availability().status() == Availability.Status.ACTIVE) {
                coordinator.bureaus().forEach(bureau -> byBureau.computeIfAbsent(bureau, b -> new ArrayList<>())
                        .add(coordinator));
            }
        }
    }

    /**
     * Writes {@code count} open cases, {@code concurrency} inserts at a time: shares in per cent of each overdue
     * kind as given, 1 % escalated already, 5 % queued, the rest in time or past first contact.
     */
    Map<Kind, Integer> write(AggregateStore store, int count, double assignedOverduePercent,
                             double acceptedOverduePercent, int concurrency) {
        Instant now = Instant.now();
        Flux.range(0, count)
                .map(i -> build(kind(assignedOverduePercent, acceptedOverduePercent), now))
                .flatMap(built -> store.insert(built, List.of()), concurrency)
                .then().block(Duration.ofMinutes(60));
        return Map.copyOf(seeded);
    }

    private Kind kind(double assignedOverduePercent, double acceptedOverduePercent) {
        double draw = 100 * random.nextDouble();
        double[] shares = {25, assignedOverduePercent, 15, acceptedOverduePercent, 1, 5};
        Kind[] kinds = {Kind.ASSIGNED_IN_TIME, Kind.ASSIGNED_OVERDUE, Kind.ACCEPTED_IN_TIME, Kind.ACCEPTED_OVERDUE,
                Kind.ACCEPTED_ESCALATED, Kind.QUEUED};
        for (int i = 0; i < shares.length; i++) {
            draw -= shares[i];
            if (draw < 0) {
                return kinds[i];
            }
        }
        return Kind.IN_CONTACT;
    }

    private CoordinationCase build(Kind wanted, Instant now) {
        var match = regions.match();
        Instant assignedAt = now.minus(ageFor(wanted));
        CoordinationCase opened = CoordinationCase.opened(UUID.randomUUID().toString(), match.matchId(),
                match.interestId(), party(match.owner()), party(match.interested()), match.technologyFields(),
                assignedAt.minusSeconds(1), assignedAt);
        Coordinator coordinator = wanted == Kind.QUEUED ? null : coordinatorFor(opened);
        Kind kind = coordinator == null ? Kind.QUEUED : wanted;
        seeded.merge(kind, 1, Integer::sum);
        if (coordinator == null) {
            return opened.queued(SEEDED, assignedAt, null);
        }
        String bureau = opened.bureaus().stream().filter(coordinator.bureaus()::contains).findFirst().orElseThrow();
        CoordinationCase assigned = opened.assignedTo(new CaseParts.Assignment(coordinator.id(), coordinator.subject(),
                coordinator.name(), bureau, "lowest-load", SEEDED, assignedAt, null), dueDates);
        if (kind == Kind.ASSIGNED_IN_TIME || kind == Kind.ASSIGNED_OVERDUE) {
            return assigned;
        }
        CoordinationCase accepted = assigned.accepted(assignedAt.plus(Duration.ofHours(3)));
        if (kind == Kind.IN_CONTACT) {
            CaseStage stage = CaseStage.values()[random.nextInt(CaseStage.values().length)];
            return accepted.reached(stage, assignedAt.plus(Duration.ofDays(2)));
        }
        if (kind == Kind.ACCEPTED_ESCALATED) {
            return accepted.escalated(EscalationReason.NO_FIRST_CONTACT_IN_TIME,
                    accepted.firstContactDueAt().plus(Duration.ofMinutes(1 + random.nextInt(60))));
        }
        return accepted;
    }

    /**
     * How long ago the case was assigned: hours for one still to be accepted in time, over two weeks for one whose
     * first contact is overdue (ten business days), a few days for one whose acceptance is overdue (two), up to
     * three months for one in contact.
     */
    private Duration ageFor(Kind kind) {
        Duration age = switch (kind) {
            case ASSIGNED_IN_TIME -> Duration.ofMinutes(random.nextInt(60 * 20));
            case ASSIGNED_OVERDUE -> Duration.ofDays(6 + random.nextInt(5));
            case ACCEPTED_IN_TIME -> Duration.ofHours(4 + random.nextInt(24 * 4));
            case ACCEPTED_OVERDUE, ACCEPTED_ESCALATED -> Duration.ofDays(20 + random.nextInt(20));
            case IN_CONTACT, QUEUED -> Duration.ofDays(3 + random.nextInt(90));
        };
        return age.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The next coordinator of the owner's bureau (then the other party's) with room left, in turn; null if none. */
    private Coordinator coordinatorFor(CoordinationCase opened) {
        for (String bureau : opened.bureaus()) {
            List<Coordinator> covering = byBureau.getOrDefault(bureau, List.of());
            AtomicInteger next = nextInBureau.computeIfAbsent(bureau, b -> new AtomicInteger());
            for (int tried = 0; tried < covering.size(); tried++) {
                Coordinator candidate = covering.get(Math.floorMod(next.getAndIncrement(), covering.size()));
                if (taken.getOrDefault(candidate.id(), 0) < candidate.capacity()) {
                    taken.merge(candidate.id(), 1, Integer::sum);
                    return candidate;
                }
            }
        }
        return null;
    }

    private static CaseParts.Party party(jp.iinj.contracts.matching.MatchParty party) {
        return new CaseParts.Party(party.memberId(), party.profileId(), party.bureau(), party.prefectureCode());
    }
}
