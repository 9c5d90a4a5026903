package jp.iinj.identity.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jp.iinj.testing.spring.WithPlatformInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The identity service on a random port, against the shared test MongoDB (a database of its own), with a
 * {@link jp.iinj.testing.time.MutableClock} and a mail directory of its own. Classes with the same annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iinj.identity.mail.directory=${java.io.tmpdir}/iinj-identity-it-mail/${random.uuid}",
        "iinj.identity.signing-keys.check-interval=1000d",
        "iinj.identity.signing-keys.encryption-key=" + TestKeyEncryptionKey.BASE64,
        "iinj.identity.portal.client-secret=" + IdentityPortal.CLIENT_SECRET})
@WithPlatformInfrastructure
@Import(TestClockConfiguration.class)
public @interface IdentityIntegrationTest {
}
