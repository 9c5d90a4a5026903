package jp.iinj.portal.coordination;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Coordination's cases, as its API answers ({@code /api/coordination/cases}) and as the portal sends the actions. */
public final class CoordinationCases {

    /** The stages, forward only, in the order a coordinator moves a case. */
    public static final List<String> STAGES = List.of("FIRST_CONTACT", "INTRODUCTION_MADE", "NEGOTIATING");
    /** The contracts' {@code CaseOutcome}. */
    public static final List<String> OUTCOMES = List.of("AGREEMENT_REACHED", "NO_INTEREST", "NO_ANSWER", "DUPLICATE", "OTHER");
    /** The contracts' {@code AssignmentDeclineReason}. */
    public static final List<String> DECLINE_REASONS = List.of("CONFLICT_OF_INTEREST", "NO_CAPACITY", "OUTSIDE_EXPERTISE",
            "AWAY", "OTHER");

    private CoordinationCases() {
    }

    /** One notification of the caller's case inbox ({@code /api/coordination/inbox}): a code and the page to open. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboxItem(String id, String kind, String link, Instant at, boolean read) {

        /** The link, when it is a page of the portal's own (never an address elsewhere). */
        public String safeLink() {
            return link != null && link.matches("/coordination/cases/[A-Za-z0-9_~-]{1,140}") ? link : null;
        }
    }

    /** The latest notifications, newest first, and how many are unread. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbox(List<InboxItem> items, long unread) {

        public static Inbox empty() {
            return new Inbox(List.of(), 0);
        }
    }

    /**
     * A case as the caller may see it: members get no reasons in words, declines nor notes (null).
     *
     * @param revision also the case's ETag ({@code "<revision>"}), sent back as If-Match
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(String id, String matchId, String status, String stage, Party owner, Party interested,
                       List<String> technologyFields, List<String> bureaus, Assignment assignment, Queue queue,
                       Instant acceptanceDueAt, Instant firstContactDueAt, Instant nextDueAt, Boolean overdue,
                       Instant acceptedAt, StagesReached stagesReached, Closing closing, List<Declination> declinations,
                       List<Note> notes, Instant escalatedAt, Instant agreedAt, Instant openedAt, Instant updatedAt,
                       long revision) {

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public boolean awaitingAcceptance() {
            return "ASSIGNED".equals(status);
        }

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        /** The stages after the current one: the only ones a coordinator may move the case to. */
        public List<String> nextStages() {
            int current = stage == null ? -1 : STAGES.indexOf(stage);
            return STAGES.subList(current + 1, STAGES.size());
        }

        /** When a stage was first reached, or null. */
        public Instant reachedAt(String stageName) {
            if (stagesReached == null) {
                return null;
            }
            return switch (stageName) {
                case "FIRST_CONTACT" -> stagesReached.firstContactAt();
                case "INTRODUCTION_MADE" -> stagesReached.introductionMadeAt();
                case "NEGOTIATING" -> stagesReached.negotiatingAt();
                default -> null;
            };
        }

        /** The case's link to the agreed match in the portal, when the match id is business matching's. */
        public Optional<String> matchPath() {
            return matchId != null && matchId.matches("m-[A-Za-z0-9_~-]{1,140}")
                    ? Optional.of("/matching/matches/" + matchId) : Optional.empty();
        }

        public String etag() {
            return "\"" + revision + "\"";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String memberId, String profileId, String bureau, String prefectureCode) {
    }

    /** @param reason why this coordinator was chosen, in both languages (null for members) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(String coordinatorId, String coordinatorName, String bureau, String code, Words reason,
                             Instant assignedAt, String assignedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(Words reason, Instant queuedAt, String queuedBy) {
    }

    /** Words the service wrote in Japanese and English. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Words(String ja, String en) {

        public String in(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null ? en : ja;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StagesReached(Instant firstContactAt, Instant introductionMadeAt, Instant negotiatingAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closing(String outcome, String reason, Instant closedAt, String closedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Declination(String coordinatorId, String reason, String note, Instant declinedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Note(String id, String author, Instant at, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseList(List<Case> items) {

        public CaseList {
            items = items == null ? List.of() : items;
        }
    }

    /** {@code GET /api/coordination/cases/workload}: a coordinator's open cases by stage, most urgent first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MyWorkload(int open, int capacity, int overdue, Map<String, Integer> byStage) {
    }

    /** {@code GET /api/coordination/cases/workload/{bureau}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BureauWorkload(String bureau, List<Load> coordinators, int unassigned, int overdue) {

        public BureauWorkload {
            coordinators = coordinators == null ? List.of() : coordinators;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Load(String coordinatorId, String name, int open, int capacity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decline(String reason, String note) {
    }

    public record StageChange(String stage) {
    }

    public record Closure(String outcome, String reason) {
    }

    public record NewNote(String text) {
    }

    /** @param to {@code COORDINATOR} (with {@code coordinatorId}) or {@code QUEUE} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reassignment(String to, String coordinatorId, String note) {
    }
}
