package jp.iinj.identity.signingkeys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for the key-encryption key says so in Spring Boot's "APPLICATION FAILED TO START" report. */
public class KeyEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<KeyEncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyEncryptionKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give identity the key-encryption key of its signing keys (" + KeyEncryptionKey.INLINE_VARIABLE + " or "
                        + KeyEncryptionKey.FILE_VARIABLE + "); see services/identity/README.md, \"Signing keys\".", cause);
    }
}
