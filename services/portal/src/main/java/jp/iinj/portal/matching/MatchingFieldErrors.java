package jp.iinj.portal.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.iinj.portal.gateway.ApiProblem;

/**
 * The API's field errors as the profile pages show them: each next to the form field it names, in the portal's own
 * words where the portal knows what went wrong (a message key, {@code matching.…}), else the API's message for that
 * field. The API names fields as {@code content.summary.ja}, {@code keywords[2]} or {@code title}; the form as
 * {@code summary.ja}, {@code keywords}, {@code title}.
 */
public final class MatchingFieldErrors {

    /** A message for the summary at the top of a form: the field's label key and the message (key or text). */
    public record FieldMessage(String field, String labelKey, String message) {
    }

    /** What publishing needs on top of a draft (the API's {@code ProfileRules}), each in words of its own. */
    static final Set<String> PUBLISH_NEEDS = Set.of("summary", "technologyFields", "partnershipTypes", "targetRegions",
            "stage", "ipStatus", "fundingProgramme");

    private MatchingFieldErrors() {
    }

    /** {@code content.summary.ja} → {@code summary.ja}; {@code keywords[2]} → {@code keywords}; {@code null} → "". */
    static String formField(String apiField) {
        if (apiField == null) {
            return "";
        }
        String field = apiField.startsWith("content.") ? apiField.substring("content.".length()) : apiField;
        return field.replaceAll("\\[.*$", "");
    }

    /** A draft's errors (create or edit): field to message key or the API's message. */
    static Map<String, String> ofDraft(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(error -> {
            String field = formField(error.field());
            errors.putIfAbsent(field, ownWords(field, error.message()));
        });
        if (errors.isEmpty()) {
            errors.put("", problem.detail() == null ? "matching.form.error.summary" : problem.detail());
        }
        return errors;
    }

    /** What publishing still needs, one message key per field (the API's message for a field it does not list). */
    static Map<String, String> missingToPublish(ApiProblem problem) {
        Map<String, String> missing = new LinkedHashMap<>();
        problem.errors().forEach(error -> {
            String field = formField(error.field());
            missing.putIfAbsent(field, PUBLISH_NEEDS.contains(field) ? "matching.publish.missing." + field : error.message());
        });
        return missing;
    }

    static List<FieldMessage> summary(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(entry -> new FieldMessage(entry.getKey(), labelKey(entry.getKey()), entry.getValue()))
                .toList();
    }

    /** {@code summary.ja} → {@code matching.field.summary.ja}; a field the form does not have → the form as a whole. */
    static String labelKey(String field) {
        String base = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        if (base.isEmpty() || !LABELLED.contains(base)) {
            return "matching.field.form";
        }
        return "matching.field." + field;
    }

    private static final Set<String> LABELLED = Set.of("memberId", "type", "title", "summary", "description", "advantages",
            "specification", "keywords", "technologyFields", "jsicCodes", "stage", "ipStatus", "partnershipTypes",
            "partnerTypesSought", "targetRegions", "fundingProgramme", "fundingDeadline", "message", "reason", "note");

    private static String ownWords(String field, String message) {
        return switch (field) {
            case "title" -> "matching.form.error.title";
            case "advantages", "specification" -> "matching.form.error.notForType." + field;
            case "fundingProgramme" -> message != null && message.contains("only")
                    ? "matching.form.error.notForType.fundingProgramme" : message;
            default -> message;
        };
    }
}
