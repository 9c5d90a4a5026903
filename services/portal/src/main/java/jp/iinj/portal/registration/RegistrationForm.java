package jp.iinj.portal.registration;

import java.util.List;

/**
 * The registration form as the browser posts it (names as the API's fields; the owner's flattened). Lists are
 * empty when nothing was picked.
 *
 * @param hasNoCorporateNumber "true" when the registrant says the organisation has no corporate number
 * @param idempotencyKey       made when the form was rendered: a second submission of the same form is the same request
 */
public record RegistrationForm(String legalName, String legalNameKana, String englishName, String organisationType,
                               String corporateNumber, String hasNoCorporateNumber, String noCorporateNumberReason,
                               String prefectureCode, String address, String website, String employeeBand,
                               String capitalBand, List<String> jsicCodes, List<String> technologyFields,
                               List<String> clusterIds, String ownerDisplayName, String ownerEmail,
                               String idempotencyKey) {

    public RegistrationForm {
        jsicCodes = jsicCodes == null ? List.of() : List.copyOf(jsicCodes);
        technologyFields = technologyFields == null ? List.of() : List.copyOf(technologyFields);
        clusterIds = clusterIds == null ? List.of() : List.copyOf(clusterIds);
    }

    static RegistrationForm empty(String idempotencyKey) {
        return new RegistrationForm("", "", "", "", "", null, "", "", "", "", "", "", List.of(), List.of(), List.of(), "", "",
                idempotencyKey);
    }

    public boolean withoutCorporateNumber() {
        return "true".equals(hasNoCorporateNumber);
    }
}
