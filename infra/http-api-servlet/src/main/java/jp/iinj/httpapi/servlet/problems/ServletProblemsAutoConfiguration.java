package jp.iinj.httpapi.servlet.problems;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem responses for every error of a Spring MVC service, and its request body limit. */
// before WebMvcAutoConfiguration and ErrorMvcAutoConfiguration: their exception handler and /error controller back
// off when ours exist
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JsonMapper.class)
@EnableConfigurationProperties(RequestBodyLimitProperties.class)
public class ServletProblemsAutoConfiguration {

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
    RequestBodyLimitServletFilter requestBodyLimitServletFilter(RequestBodyLimitProperties properties,
                                                                ServletProblemWriter problems) {
        return new RequestBodyLimitServletFilter(properties, problems);
    }
}
