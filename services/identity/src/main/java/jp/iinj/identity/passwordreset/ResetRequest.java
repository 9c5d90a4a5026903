package jp.iinj.identity.passwordreset;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A password reset someone asked for, not handled yet: only what the request said (the e-mail as accounts store
 * them), never whether an account has it. Deleted once handled.
 *
 * @param leaseUntil while in the future, one instance is handling it; null or past: free to claim
 * @param attempts   how often it was claimed
 */
@Document(ResetRequest.COLLECTION)
record ResetRequest(@Id String id, String email, Instant requestedAt, Instant leaseUntil, int attempts) {

    static final String COLLECTION = "password_reset_requests";
}
