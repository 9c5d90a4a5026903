package jp.iinj.httpapi.servlet.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jp.iinj.httpapi.servlet.problems.ServletProblemWriter;
import jp.iinj.httpapi.servlet.problems.ServletProblemsAutoConfiguration;

/** Present only in services with Spring Security on the classpath. */
@AutoConfiguration(after = ServletProblemsAutoConfiguration.class)
@ConditionalOnClass(AuthenticationEntryPoint.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(ServletProblemWriter.class)
public class ServletSecurityProblemsAutoConfiguration {

    @Bean
    ServletProblemSecurityResponses servletProblemSecurityResponses(ServletProblemWriter problems) {
        return new ServletProblemSecurityResponses(problems);
    }

    /** Spring Security's {@code WebSecurity} uses this bean for the requests its firewall refuses. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ServletProblemSecurityResponses responses) {
        return responses.requestRejectedHandler();
    }
}
