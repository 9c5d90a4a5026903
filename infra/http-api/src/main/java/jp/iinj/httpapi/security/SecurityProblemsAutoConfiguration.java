package jp.iinj.httpapi.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import jp.iinj.httpapi.problems.ProblemWebExceptionHandler;
import jp.iinj.httpapi.problems.ProblemsAutoConfiguration;

/** Present only in services that validate tokens (Spring Security's reactive resource server on the classpath). */
@AutoConfiguration(after = ProblemsAutoConfiguration.class)
@ConditionalOnClass({ServerAuthenticationEntryPoint.class, InvalidBearerTokenException.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class SecurityProblemsAutoConfiguration {

    @Bean
    ProblemSecurityResponses problemSecurityResponses(ProblemWebExceptionHandler problems) {
        return new ProblemSecurityResponses(problems);
    }

    /** Requests Spring Security's firewall refuses (path traversal, encoded slashes, ...): 400 problem, not an empty 400. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemSecurityResponses responses) {
        return responses.exchangeRejectedHandler();
    }
}
