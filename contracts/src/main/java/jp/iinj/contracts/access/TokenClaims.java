package jp.iinj.contracts.access;

/**
 * Claim names of the platform's access tokens: what the identity service issues and every service reads. Values
 * come from the platform's events (an approved member gives its owner the member claim), never typed by hand.
 */
public final class TokenClaims {

    /** Array of {@link PlatformRole} names. */
    public static final String ROLES = "roles";
    /** Array of member organisation ids the person acts for. */
    public static final String MEMBER_IDS = "member_ids";
    /** Array of bureau ids (see {@code RegionalBureau}) a regional body or coordinator covers. */
    public static final String BUREAUS = "bureaus";

    private TokenClaims() {
    }
}
