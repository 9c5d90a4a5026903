package jp.iinj.embeddedmongodb;

import de.bwaldvogel.mongo.bson.Document;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;

/** mongo-java-server in memory that also answers {@code hello}; see {@link HelloCommand}. */
public final class MemoryBackendAnsweringHello extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.is(command)
                ? HelloCommand.answer(isMaster -> super.handleCommand(channel, databaseName, isMaster, query))
                : super.handleCommand(channel, databaseName, command, query);
    }
}
