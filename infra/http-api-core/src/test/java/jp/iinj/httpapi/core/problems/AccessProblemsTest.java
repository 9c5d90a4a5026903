package jp.iinj.httpapi.core.problems;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** The one wording of Spring Security's refusals, whichever stack writes them. */
class AccessProblemsTest {

    @Test
    void withoutATokenTheChallengeIsBare() {
        ProblemException problem = AccessProblems.unauthorized(new InsufficientAuthenticationException("anonymous"), null);

        assertThat(problem.type()).isEqualTo(ProblemType.UNAUTHORIZED);
        assertThat(problem.detail()).isEqualTo("An access token is required.");
        assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void aRefusedTokenIsNamedInvalidWhetherTheFailureOrTheHeaderSaysSo() {
        OAuth2AuthenticationException invalid = new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN));

        for (ProblemException problem : new ProblemException[] {
                AccessProblems.unauthorized(invalid, null),
                AccessProblems.unauthorized(new InsufficientAuthenticationException("wrapped", invalid), null),
                AccessProblems.unauthorized(new InsufficientAuthenticationException("anonymous"), "bearer eyJ…")}) {
            assertThat(problem.detail()).isEqualTo("The access token is invalid or expired.");
            assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void basicCredentialsAreNoBearerToken() {
        assertThat(AccessProblems.unauthorized(null, "Basic cG9ydGFsOnNlY3JldA==").headers()
                .getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void aMissingRoleIsForbiddenWithInsufficientScope() {
        ProblemException problem = AccessProblems.forbidden();

        assertThat(problem.type()).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer error=\"insufficient_scope\"");
    }

    @Test
    void uncheckableTokensAreOurProblemForAWhile() {
        ProblemException problem = AccessProblems.tokensUncheckable();

        assertThat(problem.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void aBareStatusGetsTheSameWordsAsTheFailureBehindIt() {
        assertThat(FailureProblems.forStatus(HttpStatus.UNAUTHORIZED).detail())
                .isEqualTo(AccessProblems.unauthorized(null, null).detail());
        assertThat(FailureProblems.forStatus(HttpStatus.FORBIDDEN).detail())
                .isEqualTo(AccessProblems.forbidden().detail());
        assertThat(FailureProblems.forStatus(HttpStatus.NOT_FOUND).detail())
                .isEqualTo(FailureProblems.nothingHere().detail());
        assertThat(FailureProblems.forStatus(HttpStatus.CONTENT_TOO_LARGE).detail())
                .isEqualTo(FailureProblems.payloadTooLarge().detail());
        assertThat(FailureProblems.forStatus(HttpStatus.BAD_GATEWAY).detail())
                .isEqualTo(FailureProblems.UNEXPECTED_DETAIL);
    }
}
