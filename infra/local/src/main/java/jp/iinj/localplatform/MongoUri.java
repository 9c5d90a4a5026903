package jp.iinj.localplatform;

import jp.iinj.embeddedmongodb.MongoConnectionStrings;

/**
 * A MongoDB connection string without a database of its own, e.g. {@code mongodb://host:27017/?replicaSet=rs0},
 * shared by services that each get their own database on it.
 */
record MongoUri(String value) {

    MongoUri {
        if (!value.startsWith("mongodb://") && !value.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("not a MongoDB connection string: " + value);
        }
    }

    /**
     * Hosts, credentials and options stay; the database replaces any given in the path (with credentials, the
     * original one stays as {@code authSource}).
     */
    String withDatabase(String database) {
        return MongoConnectionStrings.withDatabase(value, database);
    }
}
