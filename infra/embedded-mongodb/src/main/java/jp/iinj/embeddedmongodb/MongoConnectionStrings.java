package jp.iinj.embeddedmongodb;

import java.util.regex.Pattern;

/** Puts a database into a MongoDB connection string, keeping hosts, credentials and options. */
public final class MongoConnectionStrings {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

    private MongoConnectionStrings() {
    }

    /**
     * @param connectionString e.g. {@code mongodb://user:secret@host1,host2/admin?replicaSet=rs0}
     * @param database         letters, digits, {@code _} and {@code -}, at most 63 characters
     * @return e.g. {@code mongodb://user:secret@host1,host2/test-42?replicaSet=rs0&authSource=admin}
     */
    public static String withDatabase(String connectionString, String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a usable MongoDB database name: '" + database + "'");
        }
        int schemeEnd = connectionString.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("not a MongoDB connection string: " + connectionString);
        }
        int hostsStart = schemeEnd + 3;
        int hostsEnd = indexOfAny(connectionString, hostsStart, '/', '?');
        String prefix = connectionString.substring(0, hostsEnd);
        String rest = connectionString.substring(hostsEnd);
        int queryStart = rest.indexOf('?');
        String path = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);

        String originalDatabase = path.startsWith("/") ? path.substring(1) : "";
        boolean hasCredentials = prefix.substring(hostsStart).contains("@");
        // with credentials, the database in the path is also where the user is authenticated: keep that place
        if (hasCredentials && !hasOption(query, "authSource")) {
            query = appendOption(query, "authSource=" + (originalDatabase.isEmpty() ? "admin" : originalDatabase));
        }
        return prefix + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private static int indexOfAny(String text, int from, char... characters) {
        for (int i = from; i < text.length(); i++) {
            for (char c : characters) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
        }
        return text.length();
    }

    private static boolean hasOption(String query, String name) {
        for (String option : query.split("&")) {
            if (option.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                return true;
            }
        }
        return false;
    }

    private static String appendOption(String query, String option) {
        return query.isEmpty() ? option : query + "&" + option;
    }
}
