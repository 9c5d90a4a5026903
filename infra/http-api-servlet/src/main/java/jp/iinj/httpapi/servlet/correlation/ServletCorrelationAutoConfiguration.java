package jp.iinj.httpapi.servlet.correlation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Correlation ids for every request of a Spring MVC service, in the MDC and the response; see {@link CorrelationIdServletFilter}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServletCorrelationAutoConfiguration {

    @Bean
    CorrelationIdServletFilter correlationIdServletFilter() {
        return new CorrelationIdServletFilter();
    }
}
