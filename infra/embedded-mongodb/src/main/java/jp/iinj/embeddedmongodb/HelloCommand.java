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

    /**
     * Runs {@code command} with the backend's own handler, except that {@code hello} runs as {@code isMaster} and
     * its reply also carries the newer {@code isWritablePrimary}.
     */
    static Document handle(String command, Function<String, Document> backendHandler) {
        if (!"hello".equalsIgnoreCase(command)) {
            return backendHandler.apply(command);
        }
        Document reply = backendHandler.apply("isMaster");
        reply.put("isWritablePrimary", reply.get("ismaster"));
        return reply;
    }
}
