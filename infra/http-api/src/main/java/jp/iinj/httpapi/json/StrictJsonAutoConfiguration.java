package jp.iinj.httpapi.json;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Strict JSON request bodies for every WebFlux service; see {@link StrictJsonRequestBodies}. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(JsonMapper.class)
public class StrictJsonAutoConfiguration {

    @Bean
    StrictJsonRequestBodies strictJsonRequestBodies(JsonMapper jsonMapper) {
        return new StrictJsonRequestBodies(jsonMapper);
    }
}
