package jp.iinj.coordination.roster;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.coordination.assignment.RosterCandidate;
import jp.iinj.httpapi.core.problems.ConflictException;

/**
 * A coordinator on the roster, the aggregate of this feature. A coordinator is never deleted: their cases keep
 * pointing at them; deactivated ones are simply never assigned. Every change returns the next version with
 * {@code revision + 1}; the store guards updates with the revision it read.
 *
 * @param subject     their identity subject (the {@code sub} of their tokens): one roster entry per person
 * @param bureaus     bureau ids they cover
 * @param prefectures JIS X 0401 codes of the prefectures they cover, each in one of their bureaus; none means the
 *                    whole of their bureaus
 * @param languages   ISO 639-1 codes of the languages they work in
 * @param capacity    the most open cases they take at a time
 * @param active      false once deactivated: kept for the history of their cases, never assigned
 * @param changedBy   the subject who last changed the entry
 */
@Document(Coordinator.COLLECTION)
@CompoundIndex(name = "bureau_roster", def = "{'bureaus': 1, 'active': 1, 'name': 1}")
public record Coordinator(
        @Id String id,
        @Indexed(unique = true) String subject,
        String name,
        List<String> bureaus,
        List<String> prefectures,
        List<String> technologyFields,
        List<String> jsicDivisions,
        List<String> languages,
        int capacity,
        Availability availability,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        String changedBy,
        long revision) {

    public static final String COLLECTION = "coordinators";

    public static Coordinator rostered(String id, String subject, RosterEntry entry, String by, Instant at) {
        return new Coordinator(id, subject, entry.name(), entry.bureaus(), entry.prefectures(),
                entry.technologyFields(), entry.jsicDivisions(), entry.languages(), entry.capacity(),
                entry.availability(), true, at, at, by, 0);
    }

    public Coordinator updated(RosterEntry entry, String by, Instant at) {
        return new Coordinator(id, subject, entry.name(), entry.bureaus(), entry.prefectures(),
                entry.technologyFields(), entry.jsicDivisions(), entry.languages(), entry.capacity(),
                entry.availability(), active, createdAt, at, by, revision + 1);
    }

    public Coordinator deactivated(String by, Instant at) {
        if (!active) {
            throw ConflictException.because("coordinator-inactive", "coordinator " + id + " is already deactivated");
        }
        return withActive(false, by, at);
    }

    public Coordinator reactivated(String by, Instant at) {
        if (active) {
            throw ConflictException.because("coordinator-active", "coordinator " + id + " is already active");
        }
        return withActive(true, by, at);
    }

    /** As the assignment rules see them, with the workload the cases give. */
    public RosterCandidate asCandidate(int openCases, Instant lastAssignedAt) {
        boolean away = availability.status() == Availability.Status.AWAY;
        return new RosterCandidate(id, Set.copyOf(bureaus), Set.copyOf(technologyFields), Set.copyOf(jsicDivisions),
                capacity, away ? availability.from() : null, away ? availability.to() : null, openCases,
                lastAssignedAt);
    }

    private Coordinator withActive(boolean nextActive, String by, Instant at) {
        return new Coordinator(id, subject, name, bureaus, prefectures, technologyFields, jsicDivisions, languages,
                capacity, availability, nextActive, createdAt, at, by, revision + 1);
    }
}
