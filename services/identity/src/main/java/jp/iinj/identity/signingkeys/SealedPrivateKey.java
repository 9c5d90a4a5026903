package jp.iinj.identity.signingkeys;

/**
 * A private signing key as stored: encrypted with the {@link KeyEncryptionKey}, never in the clear.
 *
 * @param format             what wrote it; {@value #FORMAT_V1}: AES-256-GCM, 128-bit tag, the key id as associated
 *                           data, the ciphertext of the PKCS#8 encoding
 * @param keyEncryptionKeyId {@link KeyEncryptionKey#id()} of the key that sealed it
 * @param nonce              the 96-bit GCM nonce, base64
 * @param ciphertext         ciphertext and tag, base64
 */
record SealedPrivateKey(String format, String keyEncryptionKeyId, String nonce, String ciphertext) {

    static final String FORMAT_V1 = "aes-256-gcm.v1";
}
