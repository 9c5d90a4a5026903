package jp.iinj.portal.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An organisation as member-registry answers {@code GET /api/members/organisations/{id}}: the fields the pages show
 * (others are ignored, so that a new field in the API does not break the page).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationView(String id, String legalName, String legalNameKana, String englishName,
                               String organisationType, String typology, String corporateNumber,
                               String noCorporateNumberReason, String prefectureCode, String bureau, String address,
                               String website, String capitalBand, String employeeBand, List<String> clusterIds,
                               List<String> technologyFields, List<String> keywords, String status,
                               String statusReason, String statusNote, Instant registeredAt, Instant approvedAt,
                               Instant statusChangedAt, LocalDate expiresOn, Instant updatedAt,
                               List<JsicCode> jsicCodes, List<Contact> contacts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JsicCode(String revision, String code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String department, String email, String phone) {
    }
}
