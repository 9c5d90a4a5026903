package jp.iinj.endtoend.support;

/** The callers of the authorization matrix, each with a token got through the front door (except the anonymous one). */
public enum Actor {
    /** no token at all */
    ANONYMOUS,
    /** acts for organisation A (Tokyo, Kanto bureau): its owner, approved */
    MEMBER_A,
    /** acts for organisation B (Osaka, Kinki bureau): its owner, approved */
    MEMBER_B,
    /**
     * acts for an organisation of the Kanto bureau (Tokyo) that is SUSPENDED: its owner signed in while it was active,
     * then the Kanto regional body suspended it; the token is that sign-in's, which still says member (the worst case)
     */
    SUSPENDED_MEMBER,
    /**
     * acts for an organisation of the Kanto bureau (Tokyo) that is LAPSED: imported by the Kanto regional body with
     * today's expiry date, its owner signed in while it was active, then the administrator's lapse check lapsed it;
     * the token is that sign-in's, which still says member
     */
    LAPSED_MEMBER,
    /** coordinator covering the Kanto bureau */
    COORDINATOR,
    /** regional body of the Kanto bureau, organisation A's */
    REGIONAL_BODY_KANTO,
    /** regional body of another bureau (Kinki, organisation B's) */
    REGIONAL_BODY_OTHER,
    /** platform administrator (the bootstrap one) */
    ADMIN,
    /**
     * a regional body's machine (Kanto bureau), with a client-credentials token: roles [REGIONAL_BODY], bureaus [kanto],
     * scope feeds.read; created by the administrator through {@code /api/identity/admin/clients}
     */
    MACHINE_CLIENT_KANTO
}
