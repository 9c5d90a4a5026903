package jp.iinj.memberregistry.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.iinj.contracts.membership.OrganisationType;

/**
 * What an organisation sends to register. Only these fields bind; anything else in the body is rejected.
 *
 * @param corporateNumber 13 digits with a valid check digit
 * @param prefectureCode  JIS X 0401 code, two digits ("13" for Tokyo)
 */
public record RegisterOrganisationRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
        String legalName,
        @NotNull OrganisationType organisationType,
        @NotBlank @Size(max = 13) String corporateNumber,
        @NotBlank @Size(max = 2) String prefectureCode) {
}
