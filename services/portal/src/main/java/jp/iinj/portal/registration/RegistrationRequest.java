package jp.iinj.portal.registration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** member-registry's {@code POST /api/members/organisations}: the profile's fields, the number or its absence, the owner. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RegistrationRequest(String legalName, String legalNameKana, String englishName, String organisationType,
                           String corporateNumber, String noCorporateNumberReason, String prefectureCode,
                           String address, String website, String employeeBand, String capitalBand,
                           List<JsicCode> jsicCodes, List<String> technologyFields, List<String> clusterIds,
                           Owner owner) {

    record JsicCode(String revision, String code) {
    }

    record Owner(String displayName, String email) {
    }

    static RegistrationRequest of(RegistrationForm form) {
        return new RegistrationRequest(blankToNull(form.legalName()), blankToNull(form.legalNameKana()),
                blankToNull(form.englishName()), blankToNull(form.organisationType()),
                // the registry takes 13 ASCII digits; people type full-width digits, spaces and hyphens, which the form's check accepts
                form.withoutCorporateNumber() || form.corporateNumber() == null ? null : blankToNull(CorporateNumberCheck.normalise(form.corporateNumber())),
                form.withoutCorporateNumber() ? blankToNull(form.noCorporateNumberReason()) : null,
                blankToNull(form.prefectureCode()), blankToNull(form.address()), blankToNull(form.website()),
                blankToNull(form.employeeBand()), blankToNull(form.capitalBand()),
                form.jsicCodes().stream().map(code -> new JsicCode(jp.iinj.portal.referencedata.JsicDivisions.REVISION, code)).toList(),
                form.technologyFields(), form.clusterIds(),
                new Owner(blankToNull(form.ownerDisplayName()), blankToNull(form.ownerEmail())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
