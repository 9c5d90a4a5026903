package jp.iinj.embeddedmongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MongoConnectionStringsTest {

    @Test
    void addsTheDatabaseToAConnectionStringWithoutOne() {
        assertThat(MongoConnectionStrings.withDatabase("mongodb://127.0.0.1:41234", "test-1"))
                .isEqualTo("mongodb://127.0.0.1:41234/test-1");
        assertThat(MongoConnectionStrings.withDatabase("mongodb://127.0.0.1:41234/", "test-1"))
                .isEqualTo("mongodb://127.0.0.1:41234/test-1");
    }

    @Test
    void replacesTheDatabaseAndKeepsTheOptions() {
        assertThat(MongoConnectionStrings.withDatabase("mongodb://h1:1,h2:2/other?replicaSet=rs0&w=majority", "test-1"))
                .isEqualTo("mongodb://h1:1,h2:2/test-1?replicaSet=rs0&w=majority");
        assertThat(MongoConnectionStrings.withDatabase("mongodb://h1:27017?replicaSet=rs0", "gateway"))
                .isEqualTo("mongodb://h1:27017/gateway?replicaSet=rs0");
        assertThat(MongoConnectionStrings.withDatabase("mongodb+srv://cluster.example.org?retryWrites=true", "t"))
                .isEqualTo("mongodb+srv://cluster.example.org/t?retryWrites=true");
    }

    @Test
    void keepsAuthenticatingWhereTheUserWasAuthenticatedBefore() {
        assertThat(MongoConnectionStrings.withDatabase("mongodb://user:s%2Fcret@host:27017", "test-1"))
                .isEqualTo("mongodb://user:s%2Fcret@host:27017/test-1?authSource=admin");
        assertThat(MongoConnectionStrings.withDatabase("mongodb://user:secret@host/platform?tls=true", "test-1"))
                .isEqualTo("mongodb://user:secret@host/test-1?tls=true&authSource=platform");
        assertThat(MongoConnectionStrings.withDatabase("mongodb://user:secret@host/platform?authSource=admin", "t"))
                .isEqualTo("mongodb://user:secret@host/t?authSource=admin");
    }

    @Test
    void refusesDatabaseNamesMongoDbWouldRefuse() {
        assertThatThrownBy(() -> MongoConnectionStrings.withDatabase("mongodb://host", "a.b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoConnectionStrings.withDatabase("mongodb://host", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
