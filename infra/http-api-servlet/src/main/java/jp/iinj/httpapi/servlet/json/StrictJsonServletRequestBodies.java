package jp.iinj.httpapi.servlet.json;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters.ServerBuilder;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import jp.iinj.httpapi.core.json.StrictJsonReading;

/** The Spring MVC server's JSON converter reads request bodies as {@link StrictJsonReading} says; nothing else does. */
class StrictJsonServletRequestBodies implements ServerHttpMessageConvertersCustomizer, Ordered {

    // after Boot's own customizers (order 0), which install the application's JsonMapper
    static final int ORDER = 1;

    private final JsonMapper strictMapper;

    StrictJsonServletRequestBodies(JsonMapper applicationMapper) {
        this.strictMapper = StrictJsonReading.strict(applicationMapper);
    }

    @Override
    public void customize(ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strictMapper));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
