package jp.iinj.localplatform;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kafka client settings every service inherits from the launcher's environment under Spring Boot's names
 * ({@code SPRING_KAFKA_SECURITY_PROTOCOL}, {@code SPRING_KAFKA_PROPERTIES_*}, {@code SPRING_KAFKA_SSL_TRUST_STORE_*}),
 * as Kafka client properties: the launcher waits for an external Kafka that requires credentials and TLS with the
 * settings the services will use.
 */
final class KafkaClientSecurity {

    private static final String PROPERTIES_PREFIX = "SPRING_KAFKA_PROPERTIES_";
    private static final Map<String, String> NAMED = Map.of(
            "SPRING_KAFKA_SECURITY_PROTOCOL", "security.protocol",
            "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "ssl.truststore.location",
            "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "ssl.truststore.type",
            "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "ssl.truststore.password",
            "SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES", "ssl.truststore.certificates");

    private KafkaClientSecurity() {
    }

    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (NAMED.containsKey(name)) {
                // Spring reads a location as a resource; Kafka wants a path
                properties.put(NAMED.get(name), value.startsWith("file:") ? value.substring("file:".length()) : value);
            } else if (name.startsWith(PROPERTIES_PREFIX) && name.length() > PROPERTIES_PREFIX.length()) {
                // Boot's relaxed binding of a map key: lower case, underscores become dots (sasl.jaas.config)
                properties.put(name.substring(PROPERTIES_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }
}
