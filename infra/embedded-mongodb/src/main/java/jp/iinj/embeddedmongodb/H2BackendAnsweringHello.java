package jp.iinj.embeddedmongodb;

import de.bwaldvogel.mongo.bson.Document;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;

/** mongo-java-server on disk (an H2 MVStore file) that also answers {@code hello}; see {@link HelloCommand}. */
public final class H2BackendAnsweringHello extends H2Backend {

    public H2BackendAnsweringHello(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.is(command)
                ? HelloCommand.answer(isMaster -> super.handleCommand(channel, databaseName, isMaster, query))
                : super.handleCommand(channel, databaseName, command, query);
    }
}
