package jp.iinj.localplatform;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server 1.47.0 knows the handshake command only by its legacy name {@code isMaster}. Spring Boot's
 * MongoDB health indicator sends {@code hello}, gets "no such command" and reports every service DOWN.
 */
final class H2BackendAnsweringHello extends H2Backend {

    H2BackendAnsweringHello(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
            reply.put("isWritablePrimary", reply.get("ismaster"));
            return reply;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
