package jp.iinj.contracts.topics;

/** The platform's services; each topic has exactly one of them as its writer. */
public enum PlatformService {
    MEMBER_REGISTRY("member-registry"),
    IDENTITY("identity"),
    BUSINESS_MATCHING("business-matching"),
    COORDINATION("coordination"),
    EVENT_FEEDS("event-feeds");

    private final String serviceName;

    PlatformService(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The kebab-case name used for the module, the consumer group and the log field. */
    public String serviceName() {
        return serviceName;
    }

    /** The CloudEvents {@code source} of every event this service writes. */
    public String eventSource() {
        return "/iinj/" + serviceName;
    }
}
