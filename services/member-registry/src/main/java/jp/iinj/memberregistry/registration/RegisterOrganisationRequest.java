package jp.iinj.memberregistry.registration;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import jp.iinj.memberregistry.corporatenumber.ValidCorporateNumber;
import jp.iinj.memberregistry.organisation.NoCorporateNumberReason;
import jp.iinj.memberregistry.profile.ProfileInput;

/**
 * What an organisation sends to register: its profile, with the profile's fields at the top level of the body, and
 * who registers it. Only these fields bind (anything else in the body is rejected); the profile's rules are on
 * {@link ProfileInput}, the choice between a corporate number and a reason in {@link RegistrantRules}.
 *
 * @param corporateNumber         13 digits with a valid check digit; or absent, with
 * @param noCorporateNumberReason why the organisation has none
 */
public record RegisterOrganisationRequest(
        @JsonUnwrapped ProfileInput profile,
        @ValidCorporateNumber String corporateNumber,
        NoCorporateNumberReason noCorporateNumberReason,
        @NotNull(message = "must not be null") @Valid OwnerInput owner) {
}
