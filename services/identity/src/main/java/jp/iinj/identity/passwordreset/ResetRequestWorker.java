package jp.iinj.identity.passwordreset;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works off the pending password resets, away from the request that recorded them, so that the answer to that
 * request takes the same time whether or not the e-mail has an account. Every instance polls; each request is
 * handled by the one that claimed it. Delivery is at least once: an instance that stops after mailing and before
 * removing the request leaves it to be handled again after its lease, and the new link spends the first.
 */
@Component
class ResetRequestWorker {

    private static final Logger log = LoggerFactory.getLogger(ResetRequestWorker.class);
    // a bound on one poll's work, so that a flood of requests cannot hold the scheduler's thread
    private static final int MAX_PER_POLL = 500;

    private final ResetRequests requests;
    private final PasswordResets resets;
    private final ResetRequestSettings settings;

    ResetRequestWorker(ResetRequests requests, PasswordResets resets, ResetRequestSettings settings) {
        this.requests = requests;
        this.resets = resets;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${iinj.identity.password-resets.poll-interval:1s}")
    void workOff() {
        for (int handled = 0; handled < MAX_PER_POLL; handled++) {
            Optional<ResetRequest> next = requests.claimNext();
            if (next.isEmpty()) {
                return;
            }
            handle(next.get());
        }
    }

    private void handle(ResetRequest request) {
        if (request.attempts() > settings.maxAttempts()) {
            log.error("Password reset request {} dropped after {} attempts", request.id(), settings.maxAttempts());
            requests.remove(request);
            return;
        }
        try {
            resets.sendResetLink(request.email(), settings.mailsPerHour());
            requests.remove(request);
        } catch (RuntimeException e) {
            // left leased: any instance takes it again once the lease has passed
            log.warn("Password reset request {} failed, tried again after {}: {}", request.id(), settings.lease(),
                    e.toString());
        }
    }
}
