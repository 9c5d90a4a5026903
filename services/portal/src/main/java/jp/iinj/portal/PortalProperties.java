package jp.iinj.portal;

import java.net.URI;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the portal finds the platform.
 *
 * @param gatewayUrl   the front door, as browsers reach it: the portal's own pages are served there, sign-in
 *                     redirects there, and every API call goes there
 * @param issuer       the tokens' {@code iss}, checked on the ID token (the gateway's address on the local platform)
 * @param clientId     the portal's client at identity
 * @param clientSecret with a secret the portal is a confidential client and gets refresh tokens; without one, a
 *                     person signs in again when the access token expires
 */
@Validated
@ConfigurationProperties("iinj.portal")
public record PortalProperties(@NotNull @DefaultValue("http://localhost:8100") URI gatewayUrl,
                               @NotNull @DefaultValue("http://localhost:8100") URI issuer,
                               @NotEmpty @DefaultValue("iinj-portal") String clientId,
                               @DefaultValue("") String clientSecret) {

    public boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    /** An address under the gateway, e.g. {@code /oauth2/token}. */
    public String atGateway(String path) {
        String base = gatewayUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
