package jp.iinj.httpapi.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem responses for every error of a WebFlux service. */
// before WebFluxAutoConfiguration: its ResponseEntityExceptionHandler backs off when ours exists
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemsAutoConfiguration {

    private final ProblemMapper problems = new ProblemMapper();

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler(problems);
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ServerCodecConfigurer codecs) {
        return new ProblemWebExceptionHandler(problems, codecs.getWriters());
    }
}
