package jp.iinj.businessmatching.interests;

import jp.iinj.httpapi.core.problems.ConflictException;

/**
 * Why an interest request met a 409, as the problem's {@code code}: the portal and other clients tell the cases apart
 * by it, never by the English detail. The codes are part of the API (listed in the OpenAPI document).
 */
public enum InterestConflict {

    /** A member's interest in its own profile. */
    OWN_PROFILE("own-profile"),
    /** The member has an open interest in this profile already. */
    ALREADY_OPEN("interest-already-open"),
    /** The member has as many open interests as the network allows. */
    CAP_REACHED("open-interest-cap-reached"),
    /** Accepted, declined or expired already (or meanwhile). */
    NOT_OPEN("interest-not-open"),
    /** One of the two members is not active (suspended, withdrawn, lapsed) or unknown. */
    MEMBER_NOT_ACTIVE("member-not-active"),
    /** The profile was withdrawn or expired since the interest. */
    PROFILE_NOT_PUBLISHED("profile-not-published");

    private final String code;

    InterestConflict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    ConflictException problem(String detail) {
        return ConflictException.because(code, detail);
    }
}
