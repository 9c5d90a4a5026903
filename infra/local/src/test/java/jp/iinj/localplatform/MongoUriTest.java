package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MongoUriTest {

    @Test
    void appendsTheDatabaseToHostsAlone() {
        assertThat(new MongoUri("mongodb://localhost:27017").withDatabase("identity"))
                .isEqualTo("mongodb://localhost:27017/identity");
        assertThat(new MongoUri("mongodb://localhost:27017/").withDatabase("identity"))
                .isEqualTo("mongodb://localhost:27017/identity");
    }

    @Test
    void putsTheDatabaseBeforeTheOptions() {
        assertThat(new MongoUri("mongodb://h1:27017,h2:27017/?replicaSet=rs0&w=majority").withDatabase("gateway"))
                .isEqualTo("mongodb://h1:27017,h2:27017/gateway?replicaSet=rs0&w=majority");
        assertThat(new MongoUri("mongodb://h1:27017?replicaSet=rs0").withDatabase("gateway"))
                .isEqualTo("mongodb://h1:27017/gateway?replicaSet=rs0");
    }

    @Test
    void replacesAGivenDatabase() {
        assertThat(new MongoUri("mongodb+srv://cluster0.example.net/platform?retryWrites=true").withDatabase("event-feeds"))
                .isEqualTo("mongodb+srv://cluster0.example.net/event-feeds?retryWrites=true");
    }

    @Test
    void keepsWhereAUserAuthenticates() {
        assertThat(new MongoUri("mongodb://app:s3cret@db.local:27017/admin?tls=true").withDatabase("coordination"))
                .isEqualTo("mongodb://app:s3cret@db.local:27017/coordination?tls=true&authSource=admin");
        assertThat(new MongoUri("mongodb://app:s3cret@db.local/admin?authSource=users").withDatabase("coordination"))
                .isEqualTo("mongodb://app:s3cret@db.local/coordination?authSource=users");
        assertThat(new MongoUri("mongodb://app:s3cret@db.local").withDatabase("coordination"))
                .isEqualTo("mongodb://app:s3cret@db.local/coordination?authSource=admin");
    }

    @Test
    void refusesWhatIsNoMongoDbConnectionString() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MongoUri("localhost:27017"));
    }
}
