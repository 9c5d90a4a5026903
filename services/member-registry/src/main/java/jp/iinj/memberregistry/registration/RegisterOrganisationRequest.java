package jp.iinj.memberregistry.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
 * @param owner           the person registering: their account is opened, and activated once the organisation is approved
 */
public record RegisterOrganisationRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
        String legalName,
        @NotNull OrganisationType organisationType,
        @NotBlank @Size(max = 13) String corporateNumber,
        @NotBlank @Size(max = 2) String prefectureCode,
        @NotNull @Valid Owner owner) {

    public record Owner(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
            String displayName,
            @NotBlank @Email @Size(max = 254) String email) {
    }
}
