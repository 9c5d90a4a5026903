package jp.iinj.businessmatching.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.util.MultiValueMap;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.FreeText;
import jp.iinj.httpapi.core.validation.TechnologyFields;

/**
 * The search's query parameters, every one allow-listed: anything else is refused.
 *
 * @param keywords         Japanese or English words
 * @param type             profile types (any of them)
 * @param technologyField  technology fields (any of them)
 * @param bureau           the owners' bureau
 * @param targetRegion     profiles that look for partners in this bureau (nationwide ones too), or international
 * @param cursor           from the previous page's {@code next}
 */
public record ProfileSearchRequest(
        @FreeText(max = 200) String keywords,
        @Size(max = 5, message = "at most 5 entries") List<ProfileType> type,
        @TechnologyFields(max = 5) List<String> technologyField,
        @Pattern(regexp = "^(hokkaido|tohoku|kanto|chubu|kinki|chugoku|shikoku|kyushu|okinawa)$",
                message = "a bureau id") String bureau,
        @Pattern(regexp = "^(hokkaido|tohoku|kanto|chubu|kinki|chugoku|shikoku|kyushu|okinawa|international)$",
                message = "a bureau id or international") String targetRegion,
        DevelopmentStage stage,
        PartnershipType partnershipType,
        @Size(max = 400, message = "not a cursor of this search") String cursor,
        @Min(value = 1, message = "at least 1") @Max(value = 50, message = "at most 50") Integer size) {

    static final int DEFAULT_SIZE = 20;
    private static final Set<String> PARAMETERS = Set.of("keywords", "type", "technologyField", "bureau", "targetRegion",
            "stage", "partnershipType", "cursor", "size");
    private static final Set<String> REPEATABLE = Set.of("type", "technologyField");

    /** Only the parameters above, each once unless it is a list: a misspelt filter must not silently widen a search. */
    static void refuseUnknown(MultiValueMap<String, String> query) {
        List<InvalidField> errors = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                errors.add(new InvalidField(name.length() > 64 ? name.substring(0, 64) : name, "not a parameter of "
                        + "this search"));
            } else if (values.size() > 1 && !REPEATABLE.contains(name)) {
                errors.add(new InvalidField(name, "given more than once"));
            }
        });
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }
}
