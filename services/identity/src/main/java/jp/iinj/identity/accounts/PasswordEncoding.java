package jp.iinj.identity.accounts;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * Spring Security's delegating encoder (the ids of {@link PasswordEncoderFactories#createDelegatingPasswordEncoder()}
 * minus the legacy ones), encoding new hashes with Argon2id ({@code {argon2@SpringSecurity_v5_8}}, Bouncy Castle).
 * bcrypt, PBKDF2 and scrypt hashes still match, and are re-encoded with Argon2 at the next sign-in. The same
 * encoder hashes machine clients' secrets.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordEncoding {

    public static final String DEFAULT_ID = "argon2@SpringSecurity_v5_8";

    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(DEFAULT_ID, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("scrypt@SpringSecurity_v5_8", SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder(DEFAULT_ID, encoders);
    }
}
