package jp.iinj.localplatform;

import java.util.List;

/**
 * A service the platform runs from {@code services/<name>/target/<name>.jar}, with its own database called
 * {@code <name>}.
 *
 * @param port    where it listens; {@code iinj.<name>.port} / {@code IINJ_<NAME>_PORT} overrides the default
 * @param apiPath a page worth opening in a browser once it is up (its OpenAPI document), shown in the banner
 */
record ServiceSpec(String name, int port, String apiPath) {

    /**
     * Every service, in the order they start and the banner lists them: the issuer first, the gateway (the front
     * door, whose address the issuer and the services expect in tokens) last.
     */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("identity", 8105, "/.well-known/openid-configuration"),
            new ServiceSpec("member-registry", 8101, "/v3/api-docs"),
            new ServiceSpec("business-matching", 8102, "/v3/api-docs"),
            new ServiceSpec("coordination", 8103, "/v3/api-docs"),
            new ServiceSpec("event-feeds", 8104, "/v3/api-docs"),
            new ServiceSpec("portal", 8106, "/"),
            new ServiceSpec("gateway", 8100, "/swagger-ui.html"));

    static final String GATEWAY = "gateway";
    static final String IDENTITY = "identity";
    static final String PORTAL = "portal";

    static final String HEALTH_PATH = "/actuator/health";

    String database() {
        return name;
    }

    /** How the other services find it: {@code IINJ_<NAME>_URL}, e.g. {@code IINJ_MEMBER_REGISTRY_URL}. */
    String urlVariable() {
        return "IINJ_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }

    String url() {
        return "http://localhost:" + port;
    }

    String portProperty() {
        return "iinj." + name + ".port";
    }

    ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, apiPath);
    }
}
