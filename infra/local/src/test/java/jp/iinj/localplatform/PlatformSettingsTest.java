package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    @Test
    void defaultsAvoidPort8080AndKeepDataUnderTheHomeDirectory() {
        PlatformSettings settings = PlatformSettings.read(Map.of(), properties());

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(settings.mongoPort()).isEqualTo(27117);
        // the issuer first, the front door last
        assertThat(settings.services()).extracting(ServiceSpec::name).containsExactly("identity", "member-registry", "business-matching", "coordination", "event-feeds", "portal", "gateway");
        assertThat(settings.services()).extracting(ServiceSpec::port).containsExactly(8105, 8101, 8102, 8103, 8104, 8106, 8100);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/home/dev/.iinj/local-platform"));
        assertThat(settings.serviceJavaOpts()).isEqualTo(PlatformSettings.DEFAULT_SERVICE_JAVA_OPTS);
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(settings.mongoUri("member-registry")).isEqualTo("mongodb://127.0.0.1:27117/member-registry");
    }

    @Test
    void environmentVariablesAreNamedAfterTheSystemProperties() {
        PlatformSettings settings = PlatformSettings.read(Map.of(
                "IINJ_KAFKA_PORT", "29092",
                "IINJ_KAFKA_CONTROLLER_PORT", "29093",
                "IINJ_MONGODB_PORT", "37017",
                "IINJ_MEMBER_REGISTRY_PORT", "9101",
                "IINJ_DATA_DIR", "/var/tmp/iinj",
                "IINJ_SERVICE_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC "), properties());

        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(29093);
        assertThat(settings.mongoPort()).isEqualTo(37017);
        assertThat(settings.services()).extracting(ServiceSpec::port).containsExactly(8105, 9101, 8102, 8103, 8104, 8106, 8100);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/tmp/iinj"));
        assertThat(settings.serviceJavaOpts()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void theFirstAdministratorsSetUpLinkWorksAnHourUnlessSetOtherwise() {
        assertThat(PlatformSettings.read(Map.of(), properties()).firstAdministratorSetupValidity()).isEqualTo(java.time.Duration.ofMinutes(60));
        assertThat(PlatformSettings.read(Map.of("IINJ_FIRST_ADMINISTRATOR_SETUP_MINUTES", "15"), properties())
                .firstAdministratorSetupValidity()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformSettings.read(Map.of(),
                properties("iinj.first-administrator.setup-minutes", "0"))).withMessageContaining("iinj.first-administrator.setup-minutes");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentVariable() {
        PlatformSettings settings = PlatformSettings.read(
                Map.of("IINJ_KAFKA_PORT", "29092", "IINJ_MEMBER_REGISTRY_PORT", "9101"),
                properties("iinj.kafka.port", "39092", "iinj.member-registry.port", "7101"));

        assertThat(settings.kafkaPort()).isEqualTo(39092);
        assertThat(settings.services()).extracting(ServiceSpec::port).containsExactly(8105, 7101, 8102, 8103, 8104, 8106, 8100);
    }

    @Test
    void aBlankSystemPropertyCountsAsAbsent() {
        // the Maven profile forwards every property, blank when nobody set it
        PlatformSettings settings = PlatformSettings.read(
                Map.of("IINJ_KAFKA_PORT", "29092"),
                properties("iinj.kafka.port", "", "iinj.services", " ", "iinj.data.dir", ""));

        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.services()).hasSize(ServiceSpec.ALL.size());
        assertThat(settings.dataDir()).isEqualTo(Path.of("/home/dev/.iinj/local-platform"));
    }

    @Test
    void servicesAreSelectedByNameOrNone() {
        assertThat(PlatformSettings.read(Map.of(), properties("iinj.services", "member-registry")).services())
                .extracting(ServiceSpec::name).containsExactly("member-registry");
        assertThat(PlatformSettings.read(Map.of("IINJ_SERVICES", "none"), properties()).services()).isEmpty();
    }

    @Test
    void anUnknownServiceNamesTheKnownOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlatformSettings.read(Map.of(), properties("iinj.services", "member-registry,billing")))
                .withMessageContaining("unknown service 'billing'")
                .withMessageContaining("member-registry");
    }

    @Test
    void aPortMustBeAPortNumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlatformSettings.read(Map.of("IINJ_MONGODB_PORT", "27O17"), properties()))
                .withMessage("iinj.mongodb.port / IINJ_MONGODB_PORT must be a port number (1-65535), not '27O17'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlatformSettings.read(Map.of(), properties("iinj.kafka.port", "70000")));
    }

    @Test
    void twoPartsCannotShareAPort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlatformSettings.read(Map.of("IINJ_MEMBER_REGISTRY_PORT", "27117"), properties()))
                .withMessageContaining("port 27117 is set for both MongoDB and member-registry");
    }

    @Test
    void aServiceStartedAloneStillFindsTheOthersWhereTheyListen() {
        PlatformSettings settings = PlatformSettings.read(Map.of("IINJ_GATEWAY_PORT", "9100"),
                properties("iinj.services", "member-registry"));

        assertThat(settings.services()).extracting(ServiceSpec::name).containsExactly("member-registry");
        assertThat(settings.allServices()).extracting(ServiceSpec::urlVariable, ServiceSpec::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("IINJ_IDENTITY_URL", "http://localhost:8105"),
                org.assertj.core.groups.Tuple.tuple("IINJ_MEMBER_REGISTRY_URL", "http://localhost:8101"),
                org.assertj.core.groups.Tuple.tuple("IINJ_BUSINESS_MATCHING_URL", "http://localhost:8102"),
                org.assertj.core.groups.Tuple.tuple("IINJ_COORDINATION_URL", "http://localhost:8103"),
                org.assertj.core.groups.Tuple.tuple("IINJ_EVENT_FEEDS_URL", "http://localhost:8104"),
                org.assertj.core.groups.Tuple.tuple("IINJ_PORTAL_URL", "http://localhost:8106"),
                org.assertj.core.groups.Tuple.tuple("IINJ_GATEWAY_URL", "http://localhost:9100"));
    }

    @Test
    void externalKafkaReplacesTheBrokerAndFreesItsPorts() {
        PlatformSettings settings = PlatformSettings.read(
                Map.of("IINJ_KAFKA_BOOTSTRAP_SERVERS", "kafka1:9092,kafka2:9092", "IINJ_MEMBER_REGISTRY_PORT", "19092"),
                properties());

        assertThat(settings.embeddedKafka()).isFalse();
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("kafka1:9092,kafka2:9092");
        assertThat(settings.ownPorts()).extracting(PlatformSettings.PortUse::user).containsExactly("MongoDB", "identity", "member-registry", "business-matching", "coordination", "event-feeds", "portal", "gateway");
    }

    @Test
    void externalMongoDbGivesEachServiceItsOwnDatabase() {
        PlatformSettings settings = PlatformSettings.read(Map.of("IINJ_MONGODB_URI", "mongodb://db.local:27017"), properties());

        assertThat(settings.embeddedMongo()).isFalse();
        assertThat(settings.mongoUri("member-registry")).isEqualTo("mongodb://db.local:27017/member-registry");
    }

    @Test
    void theBannerHidesAnExternalMongoDbPassword() {
        PlatformSettings settings = PlatformSettings.read(Map.of(), properties("iinj.mongodb.uri", "mongodb://app:s3cret@db.local/?tls=true"));

        assertThat(settings.mongoUriForDisplay()).isEqualTo("mongodb://app:****@db.local/?tls=true");
    }

    @Test
    void classDataSharingIsOnUnlessTurnedOff() {
        assertThat(PlatformSettings.read(Map.of(), properties()).cds()).isTrue();
        assertThat(PlatformSettings.read(Map.of("IINJ_CDS", "off"), properties()).cds()).isFalse();
        assertThat(PlatformSettings.read(Map.of("IINJ_CDS", "off"), properties("iinj.cds", "on")).cds()).isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlatformSettings.read(Map.of(), properties("iinj.cds", "maybe")))
                .withMessageContaining("iinj.cds / IINJ_CDS must be on or off");
    }

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/home/dev");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }
}
