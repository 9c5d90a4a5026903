package jp.iinj.identity.passwordreset;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reset requests are worked off ({@code iinj.identity.password-resets.*}).
 *
 * @param pollInterval pause between two looks for pending requests (each look handles all it finds)
 * @param lease        how long a claimed request is left to the instance that claimed it before another may take it
 *                     over (that instance stopped, or the mail could not be sent)
 * @param maxAttempts  claims after which a request is dropped, logged at ERROR
 * @param mailsPerHour reset mails one account gets at most within an hour; further requests are dropped (logged), so
 *                     that nobody can flood a known person's mailbox
 */
@Validated
@ConfigurationProperties("iinj.identity.password-resets")
record ResetRequestSettings(@NotNull @DefaultValue("1s") Duration pollInterval,
                            @NotNull @DefaultValue("1m") Duration lease,
                            @Min(1) @DefaultValue("5") int maxAttempts,
                            @Min(1) @DefaultValue("5") int mailsPerHour) {
}
