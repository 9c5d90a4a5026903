package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void theServicesSpringKafkaVariablesBecomeTheLaunchersKafkaClientProperties() {
        Map<String, String> properties = KafkaClientSecurity.fromEnvironment(Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/etc/iinj/kafka-ca.pem",
                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka1:9093",
                "SPRING_MONGODB_URI", "mongodb://db/identity",
                "SPRING_KAFKA_PROPERTIES_EMPTY", " "));

        assertThat(properties).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";"),
                Map.entry("ssl.truststore.location", "/etc/iinj/kafka-ca.pem"),
                Map.entry("ssl.truststore.type", "PEM"));
    }

    @Test
    void anExternalKafkaIsReachedWithThem() {
        PlatformSettings settings = PlatformSettings.read(Map.of("IINJ_KAFKA_BOOTSTRAP_SERVERS", "kafka1:9093",
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), properties());

        assertThat(settings.externalKafkaSecurity()).containsEntry("security.protocol", "SASL_SSL");
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/home/dev");
        return properties;
    }
}
