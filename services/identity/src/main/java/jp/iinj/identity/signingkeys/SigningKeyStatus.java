package jp.iinj.identity.signingkeys;

/** ACTIVE signs new tokens (exactly one); RETIRED only verifies tokens signed before the rotation. */
public enum SigningKeyStatus {
    ACTIVE,
    RETIRED
}
