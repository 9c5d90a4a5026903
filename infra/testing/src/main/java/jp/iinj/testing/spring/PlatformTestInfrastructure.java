package jp.iinj.testing.spring;

import java.util.UUID;

import jp.iinj.testing.infrastructure.TestInfrastructure;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points an application context at the shared {@link TestInfrastructure}: {@code spring.kafka.bootstrap-servers},
 * {@code spring.mongodb.uri} and {@code spring.mongodb.database}. The database is {@value #DATABASE_PROPERTY} when
 * the test sets it, otherwise {@code test-<random>}, one per application context so that contexts never see each
 * other's data. The chosen name is published as {@value #DATABASE_PROPERTY}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformTestInfrastructure {

    public static final String DATABASE_PROPERTY = "iinj.test.mongodb.database";

    @Bean
    DynamicPropertyRegistrar platformTestInfrastructureProperties(Environment environment) {
        String database = environment.getProperty(DATABASE_PROPERTY, "test-" + UUID.randomUUID().toString()
                .substring(0, 8));
        return registry -> {
            registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.shared().kafkaBootstrapServers());
            registry.add("spring.mongodb.uri", () -> TestInfrastructure.shared().mongoUri(database));
            // a service's own spring.mongodb.database would otherwise win over the database in the URI
            registry.add("spring.mongodb.database", () -> database);
            registry.add(DATABASE_PROPERTY, () -> database);
        };
    }
}
