package jp.iinj.identity.clients;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/** The platform's own client settings, carried in {@link ClientSettings} for the token customizer. */
public final class PlatformClientSettings {

    /** {@code List<String>} of role names for the client-credentials tokens of a machine client. */
    public static final String ROLES = "iinj.roles";
    /** {@code List<String>} of bureau ids for the client-credentials tokens of a machine client. */
    public static final String BUREAUS = "iinj.bureaus";

    private PlatformClientSettings() {
    }

    public static List<String> roles(ClientSettings settings) {
        return list(settings.getSetting(ROLES));
    }

    public static List<String> bureaus(ClientSettings settings) {
        return list(settings.getSetting(BUREAUS));
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
