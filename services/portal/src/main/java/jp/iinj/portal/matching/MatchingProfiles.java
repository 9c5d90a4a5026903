package jp.iinj.portal.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Business matching's profiles as the API answers (its {@code ProfileResponse}, {@code PublishedProfileView} and
 * {@code SearchResults}). Codes stay strings: a code this portal does not know yet is shown as it came, not a failure.
 */
public final class MatchingProfiles {

    private MatchingProfiles() {
    }

    /** A text in Japanese, English or both. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String ja, String en) {

        /** The page's language first, the other one when that is all there is. */
        public String in(Locale locale) {
            boolean english = "en".equals(locale.getLanguage());
            String first = english ? en : ja;
            String second = english ? ja : en;
            return first != null && !first.isBlank() ? first : second;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JsicCode(String revision, String code) {
    }

    /** What a profile says. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(Text title, Text summary, Text description, Text advantages, Text specification,
                          List<String> keywords, List<String> technologyFields, List<JsicCode> jsicCodes, String stage,
                          String ipStatus, List<String> partnershipTypes, List<String> partnerTypesSought,
                          List<String> targetRegions, String fundingProgramme, LocalDate fundingDeadline) {

        public Content {
            keywords = keywords == null ? List.of() : keywords;
            technologyFields = technologyFields == null ? List.of() : technologyFields;
            jsicCodes = jsicCodes == null ? List.of() : jsicCodes;
            partnershipTypes = partnershipTypes == null ? List.of() : partnershipTypes;
            partnerTypesSought = partnerTypesSought == null ? List.of() : partnerTypesSought;
            targetRegions = targetRegions == null ? List.of() : targetRegions;
        }

        /** One of the five texts by its field name, for the page that lists them in order. */
        public Text text(String field) {
            return switch (field) {
                case "title" -> title;
                case "summary" -> summary;
                case "description" -> description;
                case "advantages" -> advantages;
                case "specification" -> specification;
                default -> null;
            };
        }
    }

    /** Who did something to a profile: the member's own people, a coordinator for it, or an administrator. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String subject, String role, Instant at) {

        public boolean coordinator() {
            return "COORDINATOR".equals(role);
        }
    }

    /** All another member learns of a profile's owner before an interest is accepted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnonymousOwner(String organisationType, String sizeBand, String bureau) {
    }

    /**
     * A profile: the owner's side gets {@code memberId}, {@code status} and who acted; anyone else the anonymous
     * {@code owner} instead.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String id, String memberId, String type, String status, Content content, Actor createdBy,
                          Actor publishedBy, Actor withdrawnBy, Instant createdAt, Instant updatedAt,
                          Instant publishedAt, LocalDate expiresOn, AnonymousOwner owner) {

        /** The owner's side (the member's people, its coordinators, administrators) sees the whole profile. */
        public boolean ownSide() {
            return owner == null && memberId != null;
        }

        public boolean offer() {
            return "TECHNOLOGY_OFFER".equals(type) || "BUSINESS_OFFER".equals(type);
        }

        public String title(Locale locale) {
            return content == null || content.title() == null ? "—" : content.title().in(locale);
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        public boolean renewable() {
            return "PUBLISHED".equals(status) || "EXPIRED".equals(status);
        }

        public boolean withdrawable() {
            return status != null && !"WITHDRAWN".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProfileList(List<Profile> items) {

        public ProfileList {
            items = items == null ? List.of() : items;
        }
    }

    /** A page of search results and the cursor of the next one (null on the last page). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SearchResults(List<Profile> items, String next) {

        public SearchResults {
            items = items == null ? List.of() : items;
        }
    }
}
