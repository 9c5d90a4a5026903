package jp.iinj.gateway.authorization;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The coarse access table checked at the edge, first match wins; whatever matches no rule needs a valid token.
 * Services check tokens again and do the object-level checks themselves.
 */
@ConfigurationProperties("iinj.gateway.access")
public record AccessProperties(List<AccessRule> rules) {

    public AccessProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
