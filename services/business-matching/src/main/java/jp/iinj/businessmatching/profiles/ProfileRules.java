package jp.iinj.businessmatching.profiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.FreeTextValidator;

/**
 * The rules of a profile's content that depend on its type or on being published, and the one conversion from what
 * was sent to what is stored. Bean Validation on {@link ProfileInput} has already checked each field alone.
 */
public final class ProfileRules {

    static final String JSIC_REVISION = "14";

    private ProfileRules() {
    }

    /** A draft: the fields that never fit this type are refused; everything else may still be missing. */
    public static ProfileContent draft(ProfileType type, ProfileInput input) {
        List<InvalidField> errors = new ArrayList<>();
        ProfileContent content = stored(input);
        if (content.title() == null) {
            errors.add(new InvalidField("title", "a title in Japanese or English is required"));
        }
        if (type.isOffer() && content.specification() != null) {
            errors.add(new InvalidField("specification", "offers state advantages, not a specification"));
        }
        if (!type.isOffer() && content.advantages() != null) {
            errors.add(new InvalidField("advantages", "requests state a specification, not advantages"));
        }
        if (type != ProfileType.RD_PARTNER_REQUEST
                && (content.fundingProgramme() != null || content.fundingDeadline() != null)) {
            errors.add(new InvalidField("fundingProgramme", "only R&D partner requests name a funding programme"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return content;
    }

    /** What publishing needs on top of a draft: enough for another member to judge it and for matching to work. */
    public static void readyToPublish(ProfileType type, ProfileContent content) {
        List<InvalidField> errors = new ArrayList<>();
        if (content.summary() == null) {
            errors.add(new InvalidField("summary", "a summary is required to publish"));
        }
        if (content.technologyFields().isEmpty()) {
            errors.add(new InvalidField("technologyFields", "at least one technology field is required to publish"));
        }
        if (content.partnershipTypes().isEmpty()) {
            errors.add(new InvalidField("partnershipTypes", "at least one partnership type is required to publish"));
        }
        if (content.targetRegions().isEmpty()) {
            errors.add(new InvalidField("targetRegions", "at least one target region is required to publish"));
        }
        if (type.isOffer() && (content.stage() == null || content.ipStatus() == null)) {
            errors.add(new InvalidField(content.stage() == null ? "stage" : "ipStatus",
                    "an offer states its development stage and IP status to be published"));
        }
        if (type == ProfileType.RD_PARTNER_REQUEST && content.fundingDeadline() != null
                && content.fundingProgramme() == null) {
            errors.add(new InvalidField("fundingProgramme", "a funding deadline needs its programme"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    private static ProfileContent stored(ProfileInput input) {
        return new ProfileContent(
                text(input.title() == null ? null : input.title().ja(), input.title() == null ? null : input.title().en()),
                input.summary() == null ? null : text(input.summary().ja(), input.summary().en()),
                input.description() == null ? null : text(input.description().ja(), input.description().en()),
                input.advantages() == null ? null : text(input.advantages().ja(), input.advantages().en()),
                input.specification() == null ? null : text(input.specification().ja(), input.specification().en()),
                distinct(input.keywords() == null ? List.of()
                        : input.keywords().stream().map(FreeTextValidator::stored).filter(k -> k != null).toList()),
                distinct(input.technologyFields()),
                distinct(input.jsicCodes()).stream().map(code -> new JsicCode(JSIC_REVISION, code)).toList(),
                input.stage(),
                input.ipStatus(),
                distinct(input.partnershipTypes()),
                distinct(input.partnerTypesSought()),
                distinct(input.targetRegions()),
                FreeTextValidator.stored(input.fundingProgramme()),
                input.fundingDeadline());
    }

    private static LocalizedText text(String ja, String en) {
        LocalizedText text = new LocalizedText(FreeTextValidator.stored(ja), FreeTextValidator.stored(en));
        return text.isEmpty() ? null : text;
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
