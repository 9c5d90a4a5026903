package jp.iinj.portal.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import jp.iinj.portal.referencedata.JsicDivisions;

/**
 * The profile form as the browser posts it, and as it is filled from the organisation. A replacement, not a patch
 * (member-registry clears what is absent), so the form carries every field of the profile: JSIC codes finer than a
 * division ride along unchanged in {@code jsicOther} ({@code revision:code}), contacts as parallel lists.
 *
 * @param etag what the form was rendered from: sent back as {@code If-Match}
 */
public record ProfileForm(String etag, String legalName, String legalNameKana, String englishName, String organisationType,
                          String prefectureCode, String address, String website, String employeeBand, String capitalBand,
                          List<String> jsicCodes, List<String> jsicOther, List<String> technologyFields, String keywords,
                          List<String> clusterIds, String typology, List<String> contactName, List<String> contactDepartment,
                          List<String> contactEmail, List<String> contactPhone) {

    public ProfileForm {
        jsicCodes = orEmpty(jsicCodes);
        jsicOther = orEmpty(jsicOther);
        technologyFields = orEmpty(technologyFields);
        clusterIds = orEmpty(clusterIds);
        contactName = orEmpty(contactName);
        contactDepartment = orEmpty(contactDepartment);
        contactEmail = orEmpty(contactEmail);
        contactPhone = orEmpty(contactPhone);
    }

    static ProfileForm of(OrganisationView organisation, String etag) {
        List<OrganisationView.JsicCode> codes = organisation.jsicCodes() == null ? List.of() : organisation.jsicCodes();
        List<OrganisationView.Contact> contacts = organisation.contacts() == null ? List.of() : organisation.contacts();
        return new ProfileForm(etag, organisation.legalName(), organisation.legalNameKana(), organisation.englishName(),
                organisation.organisationType(), organisation.prefectureCode(), organisation.address(), organisation.website(),
                organisation.employeeBand(), organisation.capitalBand(),
                codes.stream().filter(ProfileForm::division).map(OrganisationView.JsicCode::code).toList(),
                codes.stream().filter(code -> !division(code)).map(code -> code.revision() + ":" + code.code()).toList(),
                organisation.technologyFields(), String.join("\n", organisation.keywords() == null ? List.of() : organisation.keywords()),
                organisation.clusterIds(), organisation.typology(),
                contacts.stream().map(OrganisationView.Contact::name).toList(),
                contacts.stream().map(OrganisationView.Contact::department).toList(),
                contacts.stream().map(OrganisationView.Contact::email).toList(),
                contacts.stream().map(OrganisationView.Contact::phone).toList());
    }

    ProfileForm withEtag(String newEtag) {
        return new ProfileForm(newEtag, legalName, legalNameKana, englishName, organisationType, prefectureCode, address, website,
                employeeBand, capitalBand, jsicCodes, jsicOther, technologyFields, keywords, clusterIds, typology, contactName,
                contactDepartment, contactEmail, contactPhone);
    }

    /** The request body: every field, blanks as absent. */
    Map<String, Object> profile() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "legalName", legalName);
        put(body, "legalNameKana", legalNameKana);
        put(body, "englishName", englishName);
        put(body, "organisationType", organisationType);
        put(body, "prefectureCode", prefectureCode);
        put(body, "address", address);
        put(body, "website", website);
        put(body, "employeeBand", employeeBand);
        put(body, "capitalBand", capitalBand);
        List<OrganisationView.JsicCode> codes = new ArrayList<>();
        jsicCodes.forEach(code -> codes.add(new OrganisationView.JsicCode(JsicDivisions.REVISION, code)));
        jsicOther.stream().filter(value -> value.contains(":")).forEach(value -> codes.add(new OrganisationView.JsicCode(
                value.substring(0, value.indexOf(':')), value.substring(value.indexOf(':') + 1))));
        body.put("jsicCodes", codes);
        body.put("technologyFields", technologyFields);
        body.put("keywords", keywordList());
        body.put("clusterIds", clusterIds);
        put(body, "typology", typology);
        List<Map<String, String>> contacts = new ArrayList<>();
        for (int i = 0; i < contactName.size(); i++) {
            if (blank(contactName.get(i))) {
                continue;
            }
            Map<String, String> contact = new LinkedHashMap<>();
            contact.put("name", contactName.get(i).strip());
            putIfPresent(contact, "department", at(contactDepartment, i));
            putIfPresent(contact, "email", at(contactEmail, i));
            putIfPresent(contact, "phone", at(contactPhone, i));
            contacts.add(contact);
        }
        body.put("contacts", contacts);
        return body;
    }

    /** The fields whose value here differs from {@code other}'s, in the form's order (for the conflict page). */
    List<String> differencesFrom(ProfileForm other) {
        Map<String, Object> mine = profile();
        Map<String, Object> theirs = other.profile();
        return Stream.concat(mine.keySet().stream(), theirs.keySet().stream()).distinct()
                .filter(field -> !Objects.equals(mine.get(field), theirs.get(field))).toList();
    }

    /** A field's value as the conflict page shows it. */
    public String shown(String field) {
        Object value = profile().get(field);
        if (value instanceof List<?> list) {
            return list.stream().map(ProfileForm::shownEntry).reduce((a, b) -> a + ", " + b).orElse("—");
        }
        return value == null ? "—" : value.toString();
    }

    private static String shownEntry(Object entry) {
        if (entry instanceof OrganisationView.JsicCode code) {
            return code.code();
        }
        if (entry instanceof Map<?, ?> contact) {
            return String.valueOf(contact.get("name")) + (contact.get("email") == null ? "" : " <" + contact.get("email") + ">");
        }
        return String.valueOf(entry);
    }

    List<String> keywordList() {
        return keywords == null ? List.of()
                : Stream.of(keywords.split("[\\n,、]")).map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static boolean division(OrganisationView.JsicCode code) {
        return JsicDivisions.REVISION.equals(code.revision()) && JsicDivisions.CODES.contains(code.code());
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (!blank(value)) {
            body.put(field, value.strip());
        }
    }

    private static void putIfPresent(Map<String, String> map, String field, String value) {
        if (!blank(value)) {
            map.put(field, value.strip());
        }
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(value -> value == null ? "" : value).toList();
    }
}
