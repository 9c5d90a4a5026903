package jp.iinj.endtoend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.web.Portal;

/**
 * A test class against the real local platform, started once per test JVM ({@link RunningPlatform}); its methods
 * may take {@link Actors}, {@link FrontDoor}, {@link Portal}, {@link MailBox}, {@link Registrations} or
 * {@link RunningPlatform} as parameters, {@code @BeforeAll} methods too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PlatformExtension.class)
@Tag("end-to-end")
public @interface EndToEndTest {
}
