package jp.iinj.localplatform;

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
     * Hosts, credentials and options stay; the database replaces any given in the path. With credentials, the database in
     * the path (admin when there is none) is also where the user authenticates, so it is kept as {@code authSource}.
     */
    String withDatabase(String database) {
        int hostsStart = value.indexOf("://") + 3;
        int hostsEnd = indexOfPathOrQuery(hostsStart);
        String prefix = value.substring(0, hostsEnd);
        String rest = value.substring(hostsEnd);
        int queryStart = rest.indexOf('?');
        String path = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);

        String givenDatabase = path.startsWith("/") ? path.substring(1) : "";
        boolean hasCredentials = prefix.indexOf('@', hostsStart) >= 0;
        if (hasCredentials && !hasOption(query, "authSource")) {
            String authSource = "authSource=" + (givenDatabase.isEmpty() ? "admin" : givenDatabase);
            query = query.isEmpty() ? authSource : query + "&" + authSource;
        }
        return prefix + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private int indexOfPathOrQuery(int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) == '/' || value.charAt(i) == '?') {
                return i;
            }
        }
        return value.length();
    }

    private static boolean hasOption(String query, String name) {
        for (String option : query.split("&")) {
            if (option.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                return true;
            }
        }
        return false;
    }
}
