package jp.iinj.httpapi.json;

import jp.iinj.httpapi.core.json.StrictJsonReading;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The WebFlux server's request decoder reads JSON as {@link StrictJsonReading} says; nothing else does.
 */
class StrictJsonRequestBodies implements WebFluxConfigurer, Ordered {

    // after Boot's WebFluxConfig (order 0), which installs the application's JsonMapper in the server codecs
    static final int ORDER = 1;

    private final JsonMapper strictMapper;

    StrictJsonRequestBodies(JsonMapper applicationMapper) {
        this.strictMapper = StrictJsonReading.strict(applicationMapper);
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strictMapper));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
