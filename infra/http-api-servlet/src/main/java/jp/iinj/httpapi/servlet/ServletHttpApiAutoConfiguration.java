package jp.iinj.httpapi.servlet;

import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jp.iinj.httpapi.core.headers.SecurityHeaders;
import jp.iinj.httpapi.core.headers.SecurityHeadersProperties;
import jp.iinj.httpapi.core.json.StrictJsonReading;

/**
 * The platform's HTTP edge for a Spring MVC service, everything {@code iinj-http-api-core} decides: correlation ids,
 * problem+json for every error (Tomcat's own refusals included), strict JSON request bodies, the request body limit,
 * security headers, and with Spring Security its refusals as problems.
 */
// after Jackson: the application's JsonMapper; before WebMvcAutoConfiguration and ErrorMvcAutoConfiguration: their
// exception handler and /error controller back off when ours exist
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JsonMapper.class)
@EnableConfigurationProperties({RequestBodyLimitProperties.class, SecurityHeadersProperties.class})
public class ServletHttpApiAutoConfiguration {

    @Bean
    CorrelationIdServletFilter correlationIdServletFilter() {
        return new CorrelationIdServletFilter();
    }

    @Bean
    ServletProblemWriter servletProblemWriter(JsonMapper jsonMapper) {
        return new ServletProblemWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemServletExceptionHandler problemServletExceptionHandler(ServletProblemWriter problems) {
        return new ProblemServletExceptionHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ServletProblemWriter problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    SecurityHeadersServletFilter securityHeadersServletFilter(SecurityHeadersProperties properties) {
        return new SecurityHeadersServletFilter(new SecurityHeaders(properties));
    }

    @Bean
    RequestBodyLimitServletFilter requestBodyLimitServletFilter(RequestBodyLimitProperties properties,
                                                                ServletProblemWriter problems) {
        return new RequestBodyLimitServletFilter(properties, problems);
    }

    /**
     * The server's JSON converter reads request bodies as {@link StrictJsonReading} says; nothing else does. Ordered
     * after Boot's own customizers (order 0), which install the application's mapper.
     */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(StrictJsonReading.strict(jsonMapper));
        return converters -> converters.withJsonConverter(strict);
    }

    /** On Tomcat: its own refusals and error pages as problems ({@link ProblemErrorReportValve}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({StandardHost.class, ConfigurableTomcatWebServerFactory.class})
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve(JsonMapper jsonMapper) {
            return factory -> factory.addContextCustomizers(context -> {
                // the context is already a child of its host here; the host adds its error valve when it starts,
                // and adds Tomcat's own unless one of the class it is told is in its pipeline
                if (context.getParent() instanceof StandardHost host
                        && !ProblemErrorReportValve.class.getName().equals(host.getErrorReportValveClass())) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve(jsonMapper));
                }
            });
        }
    }

    /**
     * Present only in services with Spring Security. The bean is also the {@code RequestRejectedHandler} that
     * Spring Security's {@code WebSecurity} picks up for the requests its firewall refuses.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AuthenticationEntryPoint.class)
    static class SecurityProblems {

        @Bean
        ServletProblemSecurityResponses servletProblemSecurityResponses(ServletProblemWriter problems) {
            return new ServletProblemSecurityResponses(problems);
        }
    }
}
