package jp.iinj.portal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.ApiProblem.FieldError;

import org.junit.jupiter.api.Test;

/** The API's field paths and messages as the profile pages show them. */
class MatchingFieldErrorsTest {

    @Test
    void theApisFieldPathsBecomeTheFormsFieldNames() {
        assertThat(MatchingFieldErrors.formField("content.summary.ja")).isEqualTo("summary.ja");
        assertThat(MatchingFieldErrors.formField("content.keywords[2]")).isEqualTo("keywords");
        assertThat(MatchingFieldErrors.formField("targetRegions[0]")).isEqualTo("targetRegions");
        assertThat(MatchingFieldErrors.formField("title")).isEqualTo("title");
        assertThat(MatchingFieldErrors.formField(null)).isEmpty();
    }

    @Test
    void whatThePortalKnowsIsSaidInItsOwnWordsTheRestKeepsTheApisMessageForItsField() {
        ApiProblem problem = new ApiProblem(400, "https://iinj.jp/problems/invalid-request", "Invalid request", null, List.of(
                new FieldError("title", "a title in Japanese or English is required"),
                new FieldError("specification", "offers state advantages, not a specification"),
                new FieldError("fundingProgramme", "only R&D partner requests name a funding programme"),
                new FieldError("content.summary.en", "at most 500 characters"),
                new FieldError("content.summary.en", "a second message for the same field")));
        assertThat(MatchingFieldErrors.ofDraft(problem)).containsExactly(
                java.util.Map.entry("title", "matching.form.error.title"),
                java.util.Map.entry("specification", "matching.form.error.notForType.specification"),
                java.util.Map.entry("fundingProgramme", "matching.form.error.notForType.fundingProgramme"),
                java.util.Map.entry("summary.en", "at most 500 characters"));
    }

    @Test
    void whatPublishingStillNeedsIsOneMessageKeyPerField() {
        ApiProblem problem = new ApiProblem(400, null, "Invalid request", null, List.of(
                new FieldError("summary", "a summary is required to publish"),
                new FieldError("targetRegions", "at least one target region is required to publish"),
                new FieldError("somethingNew", "a rule this portal does not know yet")));
        assertThat(MatchingFieldErrors.missingToPublish(problem)).containsExactly(
                java.util.Map.entry("summary", "matching.publish.missing.summary"),
                java.util.Map.entry("targetRegions", "matching.publish.missing.targetRegions"),
                java.util.Map.entry("somethingNew", "a rule this portal does not know yet"));
        assertThat(MatchingFieldErrors.labelKey("somethingNew")).isEqualTo("matching.field.form");
        assertThat(MatchingFieldErrors.labelKey("summary.ja")).isEqualTo("matching.field.summary.ja");
    }
}
