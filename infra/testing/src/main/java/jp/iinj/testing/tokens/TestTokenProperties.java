package jp.iinj.testing.tokens;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the service's token validation at the test issuer, once for every integration test. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokenProperties {

    @Bean
    DynamicPropertyRegistrar testTokenIssuer() {
        return TestTokens::register;
    }
}
