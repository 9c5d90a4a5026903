package jp.iinj.httpapi.core.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret compared as sent (a password): read from JSON exactly as the client sent it, neither normalised nor
 * refused by the {@link TextPolicy}. Nobody is ever shown it, so it cannot deceive anyone; and it must stay the
 * same string it is at sign-in, where the form post is not normalised: normalising it only when it is set would
 * lock out a person whose keyboard sends decomposed characters.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Verbatim {
}
