package jp.iinj.portal.regional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One organisation of member-registry's staff list ({@code GET /api/members/organisations}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationSummary(String id, String legalName, String legalNameKana, String englishName,
                                  String organisationType, String corporateNumber, String prefectureCode, String bureau,
                                  List<String> clusterIds, String status, Boolean possibleDuplicate,
                                  Instant registeredAt, LocalDate expiresOn) {

    public OrganisationSummary {
        possibleDuplicate = Boolean.TRUE.equals(possibleDuplicate);
    }

    /** A page of the list and the cursor of the next one (null: the last page). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<OrganisationSummary> items, String nextCursor) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }
}
