package jp.iinj.embeddedmongodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;

class HelloCommandTest {

    @Test
    void answersTheHandshakeThatSpringBootsHealthCheckSends() {
        MongoServer server = new MongoServer(new EmbeddedMemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            Document reply = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(reply.get("ok")).isIn(1, 1.0);
            assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
        } finally {
            server.shutdownNow();
        }
    }
}
