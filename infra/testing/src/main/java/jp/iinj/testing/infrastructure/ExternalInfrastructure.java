package jp.iinj.testing.infrastructure;

/** Kafka and MongoDB that somebody else runs; nothing to start or stop. */
record ExternalInfrastructure(String kafkaBootstrapServers, String mongoConnectionString)
        implements RunningInfrastructure {

    static ExternalInfrastructure from(InfrastructureSettings settings) {
        return new ExternalInfrastructure(
                required(settings.kafkaBootstrapServers(), InfrastructureSettings.KAFKA_ENV,
                        InfrastructureSettings.KAFKA_PROPERTY, "the Kafka bootstrap servers"),
                required(settings.mongoUri(), InfrastructureSettings.MONGODB_ENV,
                        InfrastructureSettings.MONGODB_PROPERTY, "the MongoDB connection string"));
    }

    private static String required(String value, String env, String property, String what) {
        if (value == null) {
            throw new IllegalStateException("Test infrastructure mode 'external' needs " + what + ": set the "
                    + "environment variable " + env + " or the system property -D" + property);
        }
        return value;
    }

    @Override
    public void close() {
    }
}
