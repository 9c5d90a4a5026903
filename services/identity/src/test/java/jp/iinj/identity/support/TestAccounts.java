package jp.iinj.identity.support;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;


/** Accounts for tests, created through the application's own store and password path. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final AccountStore store;
    private final Accounts accounts;

    public TestAccounts(AccountStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    /** An ACTIVE account with {@link #PASSWORD}. */
    public Account active(String email, Set<PlatformRole> roles, List<String> memberIds, List<String> bureaus) {
        Account account = store.insert(email, "Test " + email.substring(0, email.indexOf('@')), roles, memberIds,
                bureaus, AccountStatus.ACTIVE);
        accounts.setPassword(account, PASSWORD);
        return accounts.findById(account.id()).orElseThrow();
    }

    public Account admin() {
        return active(uniqueEmail("admin"), Set.of(PlatformRole.ADMIN), List.of(), List.of());
    }

}
