package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The URI shaping itself is tested with {@code MongoConnectionStrings} in infra/embedded-mongodb. */
class MongoUriTest {

    @Test
    void givesEachServiceItsOwnDatabaseOnTheSharedServer() {
        assertThat(new MongoUri("mongodb://app:s3cret@db.local:27017/admin?tls=true").withDatabase("coordination"))
                .isEqualTo("mongodb://app:s3cret@db.local:27017/coordination?tls=true&authSource=admin");
    }

    @Test
    void refusesWhatIsNoMongoDbConnectionString() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MongoUri("localhost:27017"));
    }
}
