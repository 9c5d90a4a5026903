package jp.iinj.testing.infrastructure;

import java.util.Optional;

import jp.iinj.embeddedmongodb.ExaminedDocuments;
import jp.iinj.testing.kafka.StandaloneKafkaBroker;
import jp.iinj.testing.mongodb.EmbeddedMongoServer;

/** An embedded KRaft broker and mongo-java-server, both in this JVM on random ports. */
final class EmbeddedInfrastructure implements RunningInfrastructure {

    private final StandaloneKafkaBroker kafka;
    private final EmbeddedMongoServer mongoDb;

    private EmbeddedInfrastructure(StandaloneKafkaBroker kafka, EmbeddedMongoServer mongoDb) {
        this.kafka = kafka;
        this.mongoDb = mongoDb;
    }

    static EmbeddedInfrastructure start() {
        EmbeddedMongoServer mongoDb = EmbeddedMongoServer.start();
        try {
            return new EmbeddedInfrastructure(StandaloneKafkaBroker.start(), mongoDb);
        }
        catch (RuntimeException e) {
            mongoDb.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongoDb.connectionString();
    }

    @Override
    public Optional<ExaminedDocuments> examinedDocuments() {
        return Optional.of(mongoDb.examinedDocuments());
    }

    @Override
    public void close() {
        kafka.close();
        mongoDb.close();
    }
}
