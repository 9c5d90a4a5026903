package jp.iinj.identity.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.time.MutableClock;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 4: five wrong passwords lock the account for the cool-down; a success starts the count again. */
@IdentityIntegrationTest
class LockoutIT {

    private static final String WRONG = "not the password at all";

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    Portal portal;
    String email;

    @BeforeEach
    void setUp() {
        portal = IdentityPortal.at(port);
        email = TestAccounts.uniqueEmail("lockout");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheCoolDownHasPassed() {
        for (int i = 0; i < 5; i++) {
            assertThat(portal.trySignIn(email, WRONG)).isEmpty();
        }
        Account locked = store.findByEmail(email).orElseThrow();
        assertThat(locked.lockedUntil()).isNotNull();

        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).as("right password while locked").isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).as("still locked after 14 minutes").isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).as("after the cool-down").isPresent();
        Account unlocked = store.findByEmail(email).orElseThrow();
        assertThat(unlocked.failedLogins()).isZero();
        assertThat(unlocked.lockedUntil()).isNull();
    }

    @Test
    void aSuccessResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            assertThat(portal.trySignIn(email, WRONG)).isEmpty();
        }
        assertThat(store.findByEmail(email).orElseThrow().failedLogins()).isEqualTo(4);

        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).isPresent();
        assertThat(store.findByEmail(email).orElseThrow().failedLogins()).isZero();

        for (int i = 0; i < 4; i++) {
            assertThat(portal.trySignIn(email, WRONG)).isEmpty();
        }
        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).as("4 + 4 failures with a success between")
                .isPresent();
    }

    @Test
    void failuresAreCountedAtomically() throws Exception {
        // eight concurrent wrong attempts: every one is counted (locked at the fifth, then counting restarts)
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> attempts = java.util.Collections.nCopies(8, () -> portal.trySignIn(email, WRONG));
            for (Future<Object> attempt : executor.invokeAll(attempts)) {
                attempt.get();
            }
        } finally {
            executor.shutdownNow();
        }

        Account account = store.findByEmail(email).orElseThrow();
        assertThat(account.lockedUntil()).isNotNull();
        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).isEmpty();
    }
}
