package jp.iinj.memberregistry.profile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.httpapi.core.validation.Violations;

/**
 * The Bean Validation constraints of an organisation profile that the standard ones cannot say: reference data
 * (JIS prefectures, JSIC revisions, the technology-field vocabulary), katakana, web addresses and phone numbers.
 * Each names what is wrong as the clients have always been told.
 */
public final class ProfileConstraints {

    /** JSIC revisions accepted: the 14th (published July 2023, in force from April 2024). */
    public static final Set<String> JSIC_REVISIONS = Set.of("14");

    private ProfileConstraints() {
    }

    /** A prefecture by its JIS X 0401 code, e.g. {@code 13} for Tokyo; required. */
    @Documented
    @Constraint(validatedBy = JisPrefecture.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface JisPrefecture {
        String message() default "unknown JIS X 0401 prefecture code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<JisPrefecture, String> {
            private final PrefectureDirectory prefectures = PrefectureDirectory.current();

            @Override
            public boolean isValid(String code, ConstraintValidatorContext context) {
                return prefectures.byJisCode(code).isPresent();
            }
        }
    }

    /** Katakana (half-width is read as full-width), long vowel marks, middle dots and spaces; absent is fine. */
    @Documented
    @Constraint(validatedBy = Katakana.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Katakana {
        String message() default "must be written in katakana";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Katakana, String> {
            private static final Pattern KATAKANA = Pattern.compile("^[\\p{IsKatakana}ー・ 　]+$");

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank()
                        || KATAKANA.matcher(Normalizer.normalize(value.strip(), Normalizer.Form.NFKC)).matches();
            }
        }
    }

    /** An http or https URL with a host; absent is fine. */
    @Documented
    @Constraint(validatedBy = WebAddress.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface WebAddress {
        String message() default "must be an http or https URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<WebAddress, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isBlank()) {
                    return true;
                }
                try {
                    URI uri = new URI(value.strip());
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
                } catch (URISyntaxException e) {
                    return false;
                }
            }
        }
    }

    /** Digits, spaces, {@code +}, {@code -} and parentheses, 6 to 20 of them; absent is fine. */
    @Documented
    @Constraint(validatedBy = PhoneNumber.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PhoneNumber {
        String message() default "digits, spaces, +, - and parentheses only";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<PhoneNumber, String> {
            private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{6,20}$");

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank() || PHONE.matcher(value.strip()).matches();
            }
        }
    }

    /** Up to {@link #max()} cluster ids; whether the catalogue has them is checked against the database later. */
    @Documented
    @Constraint(validatedBy = ClusterIds.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ClusterIds {
        int max();

        String message() default "not a cluster id";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ClusterIds, List<String>> {
            private int max;

            @Override
            public void initialize(ClusterIds constraint) {
                max = constraint.max();
            }

            @Override
            public boolean isValid(List<String> ids, ConstraintValidatorContext context) {
                return Violations.checkEntries(ids, max, "at most " + max + " entries",
                        id -> id == null || id.isBlank() ? "not a cluster id" : null, context);
            }
        }
    }

    /** Up to {@link #max()} JSIC codes of an accepted revision: a division letter or a 2-4 digit code. */
    @Documented
    @Constraint(validatedBy = JsicCodes.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface JsicCodes {
        int max();

        String message() default "not a JSIC code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<JsicCodes, List<ProfileInput.JsicCodeInput>> {
            private static final Pattern JSIC_CODE = Pattern.compile("^([A-T]|[0-9]{2,4})$");
            private int max;

            @Override
            public void initialize(JsicCodes constraint) {
                max = constraint.max();
            }

            @Override
            public boolean isValid(List<ProfileInput.JsicCodeInput> codes, ConstraintValidatorContext context) {
                if (codes == null) {
                    return true;
                }
                if (codes.size() > max) {
                    Violations.report(context, "at most " + max + " codes");
                    return false;
                }
                boolean valid = true;
                for (int i = 0; i < codes.size(); i++) {
                    ProfileInput.JsicCodeInput code = codes.get(i);
                    if (code == null || code.revision() == null || !JSIC_REVISIONS.contains(code.revision())) {
                        Violations.reportEntryProperty(context, i, "revision", "must be one of " + JSIC_REVISIONS);
                        valid = false;
                    } else if (code.code() == null || !JSIC_CODE.matcher(code.code()).matches()) {
                        Violations.reportEntryProperty(context, i, "code",
                                "must be a division letter A-T or a 2-4 digit code");
                        valid = false;
                    }
                }
                return valid;
            }
        }
    }
}
