package jp.iinj.identity.signinthrottle;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed client authentication (token, introspection, revocation endpoints) counted by the {@link SignInThrottle},
 * then answered as Spring Authorization Server answers it by default: 401 for {@code invalid_client}, else 400, with
 * the error code only.
 */
final class ClientAuthenticationFailures implements AuthenticationFailureHandler {

    private final SignInThrottle throttle;
    private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

    ClientAuthenticationFailures(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        throttle.failed(SignInAttempt.clientAuthentication(request));
        SecurityContextHolder.clearContext();
        String code = failure instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
                : OAuth2ErrorCodes.INVALID_CLIENT;
        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
        answer.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(code) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
        errors.write(new OAuth2Error(code), null, answer);
    }
}
