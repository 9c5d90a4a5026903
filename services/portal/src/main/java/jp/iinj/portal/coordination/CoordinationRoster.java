package jp.iinj.portal.coordination;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Coordination's roster ({@code /api/coordination/coordinators}), as its API answers and as the portal sends it. */
public final class CoordinationRoster {

    private CoordinationRoster() {
    }

    /** A roster entry; {@code revision} is its ETag. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coordinator(String id, String subject, String name, List<String> bureaus, List<String> prefectures,
                              List<String> technologyFields, List<String> jsicDivisions, List<String> languages,
                              int capacity, Availability availability, boolean active, long revision) {

        public Coordinator {
            bureaus = bureaus == null ? List.of() : bureaus;
            prefectures = prefectures == null ? List.of() : prefectures;
            technologyFields = technologyFields == null ? List.of() : technologyFields;
            jsicDivisions = jsicDivisions == null ? List.of() : jsicDivisions;
            languages = languages == null ? List.of() : languages;
        }

        public boolean away() {
            return availability != null && "AWAY".equals(availability.status());
        }

        public String etag() {
            return "\"" + revision + "\"";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Availability(String status, LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoordinatorList(List<Coordinator> items) {

        public CoordinatorList {
            items = items == null ? List.of() : items;
        }
    }

    /** What the roster says of a coordinator: the body of a change, and of an addition with the subject. */
    public record Entry(String name, List<String> bureaus, List<String> prefectures, List<String> technologyFields,
                        List<String> jsicDivisions, List<String> languages, int capacity, Availability availability) {
    }

    public record NewCoordinator(String subject, Entry entry) {
    }
}
