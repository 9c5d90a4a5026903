package jp.iinj.httpapi.servlet.json;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Strict JSON request bodies for every Spring MVC service; see {@link StrictJsonServletRequestBodies}. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JsonMapper.class)
public class ServletStrictJsonAutoConfiguration {

    @Bean
    StrictJsonServletRequestBodies strictJsonServletRequestBodies(JsonMapper jsonMapper) {
        return new StrictJsonServletRequestBodies(jsonMapper);
    }
}
