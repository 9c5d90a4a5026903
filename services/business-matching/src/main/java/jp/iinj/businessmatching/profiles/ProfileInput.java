package jp.iinj.businessmatching.profiles;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.httpapi.core.validation.FreeText;
import jp.iinj.httpapi.core.validation.FreeTextList;
import jp.iinj.httpapi.core.validation.TechnologyFields;

/**
 * What a partnering profile says, as a client sends it: the body of an edit and the {@code content} of a new draft.
 * A replacement, not a patch: what is absent is cleared. Each text may be in Japanese, English or both. A draft needs
 * only a title; {@link ProfileRules} says what publishing needs on top.
 *
 * @param jsicCodes     JSIC revision 14: a division letter ({@code E}) or a 2-, 3- or 4-digit group
 * @param targetRegions bureau ids, {@code nationwide} or {@code international}
 */
public record ProfileInput(
        @NotNull(message = "must not be null") @Valid TitleText title,
        @Valid SummaryText summary,
        @Valid LongText description,
        @Valid LongText advantages,
        @Valid LongText specification,
        @FreeTextList(maxEntries = 15, maxLength = 60) List<String> keywords,
        @TechnologyFields(max = 5) List<String> technologyFields,
        @Size(max = 10, message = "at most 10 entries")
        List<@NotNull(message = "must not be null")
             @Pattern(regexp = "^([A-T]|[0-9]{2,4})$", message = "a JSIC revision 14 division letter or 2-4 digit group")
             String> jsicCodes,
        DevelopmentStage stage,
        IpStatus ipStatus,
        @Size(max = 6, message = "at most 6 entries")
        List<@NotNull(message = "must not be null") PartnershipType> partnershipTypes,
        @Size(max = 9, message = "at most 9 entries")
        List<@NotNull(message = "must not be null") OrganisationType> partnerTypesSought,
        @Size(max = 11, message = "at most 11 entries")
        List<@NotNull(message = "must not be null")
             @Pattern(regexp = "^(hokkaido|tohoku|kanto|chubu|kinki|chugoku|shikoku|kyushu|okinawa|nationwide|international)$",
                     message = "a bureau id, nationwide or international")
             String> targetRegions,
        @FreeText(max = 200) String fundingProgramme,
        LocalDate fundingDeadline) {

    /** Titles are one line. */
    public record TitleText(@FreeText(max = 120) String ja, @FreeText(max = 120) String en) {
    }

    /** The summary shown in lists and proposals: at most 500 characters per language. */
    public record SummaryText(@FreeText(max = 500, multiLine = true) String ja,
                              @FreeText(max = 500, multiLine = true) String en) {
    }

    /** Descriptions, advantages and what is sought. */
    public record LongText(@FreeText(max = 4000, multiLine = true) String ja,
                           @FreeText(max = 4000, multiLine = true) String en) {
    }
}
