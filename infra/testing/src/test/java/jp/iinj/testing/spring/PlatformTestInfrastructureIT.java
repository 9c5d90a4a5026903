package jp.iinj.testing.spring;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.testing.infrastructure.TestInfrastructure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest(classes = PlatformTestInfrastructureIT.NoApplication.class)
@WithPlatformInfrastructure
class PlatformTestInfrastructureIT {

    @Autowired
    Environment environment;

    @Test
    void pointsTheContextAtTheSharedInfrastructureWithADatabaseOfItsOwn() {
        String database = environment.getProperty(PlatformTestInfrastructure.DATABASE_PROPERTY);

        assertThat(database).startsWith("test-");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestInfrastructure.shared().kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .isEqualTo(TestInfrastructure.shared().mongoUri(database));
        assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo(database);
    }

    @Nested
    @TestPropertySource(properties = "iinj.test.mongodb.database=chosen-by-the-test")
    class WhenTheTestNamesTheDatabase {

        @Autowired
        Environment nestedEnvironment;

        @Test
        void usesThatDatabase() {
            assertThat(nestedEnvironment.getProperty("spring.mongodb.uri")).contains("/chosen-by-the-test");
            assertThat(nestedEnvironment.getProperty("spring.mongodb.database")).isEqualTo("chosen-by-the-test");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoApplication {
    }
}
