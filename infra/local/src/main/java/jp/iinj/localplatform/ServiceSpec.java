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

    /** Every service, in the order the banner lists them. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("member-registry", 8101, "/v3/api-docs"));

    static final String HEALTH_PATH = "/actuator/health";

    String database() {
        return name;
    }

    String portProperty() {
        return "iinj." + name + ".port";
    }

    ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, apiPath);
    }
}
