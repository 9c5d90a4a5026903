package jp.iinj.identity.signingkeys;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jp.iinj.httpapi.core.access.AccessTokenValidation;
import jp.iinj.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Replaces the authorization server's default key (a new one at every start) with the persisted keys:
 * <ul>
 *   <li>the {@link JWKSource} (served at {@code /oauth2/jwks}) publishes the public ACTIVE and retained RETIRED keys;</li>
 *   <li>the {@link JwtEncoder} signs with the ACTIVE key only, whatever else is published;</li>
 *   <li>the {@link JwtDecoder} (this service's own {@code /api/identity/**} and {@code /userinfo}) verifies against
 *       the published keys and the configured issuer.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(IdentityProperties properties) {
        return KeyEncryptionKey.from(properties.signingKeys());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(new JWKSet(List.<JWK>copyOf(keys.published())));
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.active())));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(AccessTokenValidation.validator(properties.issuer().toString()));
        return decoder;
    }
}
