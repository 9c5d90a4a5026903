package jp.iinj.identity.signingkeys;

/** The key-encryption key is missing, unusable or not the one the stored signing keys were sealed with. */
class KeyEncryptionKeyException extends IllegalStateException {

    KeyEncryptionKeyException(String message) {
        super(message);
    }

    KeyEncryptionKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
