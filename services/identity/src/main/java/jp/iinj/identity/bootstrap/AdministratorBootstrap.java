package jp.iinj.identity.bootstrap;

import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first administrator, once: when {@code iinj.identity.bootstrap.admin-email}
 * ({@code IINJ_IDENTITY_BOOTSTRAP_ADMIN_EMAIL}) is set and no account has the ADMIN role, an ADMIN account without
 * password is created for that e-mail and mailed a set-password link. Once any administrator exists the setting is
 * ignored, on every instance and after every restart. There is no default password anywhere.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final Accounts accounts;
    private final IdentityProperties properties;

    AdministratorBootstrap(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.bootstrap().adminEmail();
        if (email == null || email.isBlank()) {
            return;
        }
        accounts.bootstrapAdministrator(email).ifPresentOrElse(
                admin -> log.warn("Bootstrap: administrator account {} created for the configured e-mail; a "
                        + "set-password link was mailed to it", admin.id()),
                () -> log.info("Bootstrap: an administrator exists, iinj.identity.bootstrap.admin-email is ignored"));
    }
}
