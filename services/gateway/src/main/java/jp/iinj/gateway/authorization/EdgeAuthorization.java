package jp.iinj.gateway.authorization;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Turns the access table into Spring Security's exchange authorization, in table order, then "authenticated". */
@Component
public class EdgeAuthorization {

    private final AccessProperties properties;

    public EdgeAuthorization(AccessProperties properties) {
        this.properties = properties;
    }

    public void apply(AuthorizeExchangeSpec exchanges) {
        for (AccessRule rule : properties.rules()) {
            AuthorizeExchangeSpec.Access access = exchanges.matchers(rule.matcher());
            if (rule.isAnonymous()) {
                access.permitAll();
            } else if (rule.isAuthenticated()) {
                access.authenticated();
            } else {
                access.hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
            }
        }
        exchanges.anyExchange().authenticated();
    }
}
