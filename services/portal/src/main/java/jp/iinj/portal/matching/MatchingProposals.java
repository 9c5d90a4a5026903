package jp.iinj.portal.matching;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.portal.matching.MatchingProfiles.Profile;
import jp.iinj.portal.matching.MatchingProfiles.Text;

/** Business matching's proposals as the API answers: the score and every reason for it. */
public final class MatchingProposals {

    /** The kinds of reason, in the order the page shows them (each a heading in words). */
    static final List<String> KINDS = List.of("TERM", "CONCEPT", "TECHNOLOGY_FIELD", "JSIC", "REGION", "STAGE_AND_IP",
            "ORGANISATION_TYPES");

    private MatchingProposals() {
    }

    /** One reason: its kind, what it is in words, and the points it adds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExplanationLine(String kind, String label, double points) {

        /** "+12.5" (one decimal: the lines add up to the score). */
        public String shownPoints() {
            return String.format(java.util.Locale.ROOT, "%+.1f", points);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnProfile(String id, String type, Text title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(String id, double score, List<ExplanationLine> explanation, OwnProfile yourProfile,
                           Profile counterpart, Instant proposedAt) {

        public Proposal {
            explanation = explanation == null ? List.of() : explanation;
        }

        /** The score as a whole number from 0 to 100. */
        public long shownScore() {
            return Math.round(Math.max(0, Math.min(100, score)));
        }

        /** The reasons grouped by kind, in {@link #KINDS}' order; kinds this portal does not know last, as they are. */
        public Map<String, List<ExplanationLine>> reasonsByKind() {
            Map<String, List<ExplanationLine>> grouped = new LinkedHashMap<>();
            KINDS.forEach(kind -> {
                List<ExplanationLine> lines = explanation.stream().filter(line -> kind.equals(line.kind())).toList();
                if (!lines.isEmpty()) {
                    grouped.put(kind, lines);
                }
            });
            explanation.stream().filter(line -> !KINDS.contains(line.kind()))
                    .forEach(line -> grouped.computeIfAbsent(String.valueOf(line.kind()), kind -> new java.util.ArrayList<>()).add(line));
            return grouped;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProposalList(List<Proposal> items) {

        public ProposalList {
            items = items == null ? List.of() : items;
        }
    }
}
