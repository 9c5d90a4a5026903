package jp.iinj.identity.support;

/** The key-encryption key of the signing keys in identity's tests (a test value; deployments generate their own). */
public final class TestKeyEncryptionKey {

    /** Base64 of 32 bytes, as {@code IINJ_IDENTITY_KEY_ENCRYPTION_KEY} takes it. */
    public static final String BASE64 = "Xrjzgoedix5uym3t+98HMuvpbVRua9VRc30VguHjj4k=";

    private TestKeyEncryptionKey() {
    }
}
