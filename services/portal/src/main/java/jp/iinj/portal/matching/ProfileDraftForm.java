package jp.iinj.portal.matching;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.iinj.portal.matching.MatchingProfiles.Content;
import jp.iinj.portal.matching.MatchingProfiles.JsicCode;
import jp.iinj.portal.matching.MatchingProfiles.Profile;
import jp.iinj.portal.matching.MatchingProfiles.Text;

import org.springframework.util.MultiValueMap;

/**
 * The draft form (new, edit, a coordinator's for a member) as the browser posts it. Its fields are named as the API's
 * ({@code title.ja}, {@code technologyFields}, ...); it becomes the API's {@code content}: texts as {@code {ja, en}}
 * with blanks left out, keywords split at commas. A replacement, not a patch, as the API takes it.
 *
 * @param texts "title.ja" and the like, to what was typed
 * @param etag  the edited draft's ETag, sent back as {@code If-Match}
 */
public record ProfileDraftForm(String memberId, String etag, String type, Map<String, String> texts, String keywords,
                               List<String> technologyFields, List<String> jsicCodes, String stage, String ipStatus,
                               List<String> partnershipTypes, List<String> partnerTypesSought, List<String> targetRegions,
                               String fundingProgramme, String fundingDeadline) {

    /** The texts of a profile, each in Japanese and English. */
    static final List<String> TEXTS = List.of("title", "summary", "description", "advantages", "specification");
    static final List<String> LANGUAGES = List.of("ja", "en");

    /** {@code POST /api/matching/profiles}. */
    public record NewDraft(String memberId, String type, ContentInput content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextInput(String ja, String en) {
    }

    /** The API's {@code ProfileInput}: the body of {@code PUT …/content} and the {@code content} of a new draft. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContentInput(TextInput title, TextInput summary, TextInput description, TextInput advantages,
                               TextInput specification, List<String> keywords, List<String> technologyFields,
                               List<String> jsicCodes, String stage, String ipStatus, List<String> partnershipTypes,
                               List<String> partnerTypesSought, List<String> targetRegions, String fundingProgramme,
                               String fundingDeadline) {
    }

    public ProfileDraftForm {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        technologyFields = orEmpty(technologyFields);
        jsicCodes = orEmpty(jsicCodes);
        partnershipTypes = orEmpty(partnershipTypes);
        partnerTypesSought = orEmpty(partnerTypesSought);
        targetRegions = orEmpty(targetRegions);
    }

    static ProfileDraftForm empty() {
        return new ProfileDraftForm(null, null, null, Map.of(), "", List.of(), List.of(), null, null, List.of(), List.of(),
                List.of(), null, null);
    }

    static ProfileDraftForm from(MultiValueMap<String, String> posted) {
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(text -> LANGUAGES.forEach(language -> {
            String value = posted.getFirst(text + "." + language);
            if (value != null) {
                texts.put(text + "." + language, value);
            }
        }));
        return new ProfileDraftForm(posted.getFirst("memberId"), posted.getFirst("etag"), posted.getFirst("type"), texts,
                posted.getFirst("keywords"), posted.get("technologyFields"), posted.get("jsicCodes"),
                posted.getFirst("stage"), posted.getFirst("ipStatus"), posted.get("partnershipTypes"),
                posted.get("partnerTypesSought"), posted.get("targetRegions"), posted.getFirst("fundingProgramme"),
                posted.getFirst("fundingDeadline"));
    }

    /** A draft's form to edit it, with the ETag it was read with. */
    static ProfileDraftForm of(Profile profile, String etag) {
        Content content = profile.content() == null
                ? new Content(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : profile.content();
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "title", content.title());
        put(texts, "summary", content.summary());
        put(texts, "description", content.description());
        put(texts, "advantages", content.advantages());
        put(texts, "specification", content.specification());
        return new ProfileDraftForm(profile.memberId(), etag, profile.type(), texts, String.join(", ", content.keywords()),
                content.technologyFields(), content.jsicCodes().stream().map(JsicCode::code).toList(), content.stage(),
                content.ipStatus(), content.partnershipTypes(), content.partnerTypesSought(), content.targetRegions(),
                content.fundingProgramme(), content.fundingDeadline() == null ? null : content.fundingDeadline().toString());
    }

    ProfileDraftForm forMember(String member) {
        return new ProfileDraftForm(member, etag, type, texts, keywords, technologyFields, jsicCodes, stage, ipStatus,
                partnershipTypes, partnerTypesSought, targetRegions, fundingProgramme, fundingDeadline);
    }

    ProfileDraftForm withEtag(String newEtag) {
        return new ProfileDraftForm(memberId, newEtag, type, texts, keywords, technologyFields, jsicCodes, stage, ipStatus,
                partnershipTypes, partnerTypesSought, targetRegions, fundingProgramme, fundingDeadline);
    }

    /** What was typed in one text field ({@code title.ja}), for the template. */
    public String text(String field) {
        return texts.getOrDefault(field, "");
    }

    /** What the portal itself can tell before asking the API: field to message key. */
    Map<String, String> ownErrors(boolean typeNeeded) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (typeNeeded && blank(type)) {
            errors.put("type", "matching.form.error.type");
        }
        if (!blank(fundingDeadline)) {
            try {
                LocalDate.parse(fundingDeadline.strip());
            } catch (DateTimeParseException notADate) {
                errors.put("fundingDeadline", "matching.form.error.date");
            }
        }
        return errors;
    }

    NewDraft newDraft() {
        return new NewDraft(memberId, type, content());
    }

    ContentInput content() {
        return new ContentInput(textInput("title"), textInput("summary"), textInput("description"), textInput("advantages"),
                textInput("specification"), keywordList(), technologyFields, jsicCodes, blankToNull(stage),
                blankToNull(ipStatus), partnershipTypes, partnerTypesSought, targetRegions, blankToNull(fundingProgramme),
                blankToNull(fundingDeadline));
    }

    List<String> keywordList() {
        return keywords == null ? List.of()
                : Stream.of(keywords.split("[,、，\\n]")).map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    private TextInput textInput(String text) {
        String ja = blankToNull(texts.get(text + ".ja"));
        String en = blankToNull(texts.get(text + ".en"));
        return ja == null && en == null ? null : new TextInput(ja, en);
    }

    private static void put(Map<String, String> texts, String name, Text text) {
        if (text != null) {
            if (text.ja() != null) {
                texts.put(name + ".ja", text.ja());
            }
            if (text.en() != null) {
                texts.put(name + ".en", text.en());
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank()).toList();
    }
}
