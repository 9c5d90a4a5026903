package jp.iinj.embeddedmongodb;

import java.util.function.Function;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server 1.47.0 knows the handshake command only by its legacy name {@code isMaster}. Spring Boot's
 * MongoDB health indicator sends {@code hello}, gets "no such command" and reports the service DOWN. The backends
 * here answer {@code hello} as {@code isMaster}.
 */
final class HelloCommand {

    private HelloCommand() {
    }

    static boolean is(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    static Document answer(Function<String, Document> runCommand) {
        Document reply = runCommand.apply("isMaster");
        reply.put("isWritablePrimary", reply.get("ismaster"));
        return reply;
    }
}
