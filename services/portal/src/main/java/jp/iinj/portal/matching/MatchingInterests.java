package jp.iinj.portal.matching;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import jp.iinj.portal.matching.MatchingProfiles.Profile;

/** Business matching's expressions of interest, as the API answers and as the portal sends them. */
public final class MatchingInterests {

    private MatchingInterests() {
    }

    /**
     * One interest as one of its sides sees it: {@code other} is anonymous until accepted ({@code identity} null).
     *
     * @param direction    {@code SENT} or {@code RECEIVED}
     * @param otherProfile the interested member's own profile from the proposal, if any
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interest(String id, String direction, String status, Profile profile, Profile otherProfile,
                           String proposalId, Party other, String message, Instant expressedAt, Instant expiresAt,
                           Instant answeredAt, String declineReason, String declineNote, String matchId,
                           String outcome) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        public boolean received() {
            return "RECEIVED".equals(direction);
        }

        /** The other side's name: only for an accepted interest, and only what the API disclosed. */
        public boolean disclosed() {
            return accepted() && other != null && other.identity() != null;
        }
    }

    /** The other side: type, size band and bureau; who it is only after acceptance. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String organisationType, String sizeBand, String bureau, Identity identity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identity(String memberId, String legalName, String englishName, String website, String prefectureCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InterestList(List<Interest> items) {

        public InterestList {
            items = items == null ? List.of() : items;
        }
    }

    /** {@code POST /api/matching/interests}: why the member is interested (the owner reads it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Express(String memberId, String profileId, String proposalId, String message) {
    }

    /** {@code POST /api/matching/interests/{id}/decline}: a reason code the other side sees, and a few words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decline(String reason, String note) {
    }
}
