package jp.iinj.eventfeeds.subscriptions;

import java.util.Set;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ProblemException;

/**
 * Who manages which subscriptions. A regional body (its people and its machine clients alike) those whose bureaus
 * are all its own, and creates them only for its own bureaus, so no subscription ever carries events its bureaus may
 * not see; an administrator every subscription. Nobody else any.
 */
public final class SubscriptionAccess {

    private SubscriptionAccess() {
    }

    /** @throws ProblemException 403 for a caller who manages no subscription */
    public static void requireSubscriber(PlatformPrincipal caller) {
        if (!caller.has(PlatformRole.ADMIN)
                && !(caller.has(PlatformRole.REGIONAL_BODY) && !caller.bureaus().isEmpty())) {
            throw ProblemException.forbidden("Subscriptions are for regional bodies (their bureaus' events) and "
                    + "administrators.");
        }
    }

    public static boolean mayManage(PlatformPrincipal caller, Subscription subscription) {
        if (caller.has(PlatformRole.ADMIN)) {
            return true;
        }
        return caller.has(PlatformRole.REGIONAL_BODY) && !subscription.everything()
                && caller.bureaus().containsAll(subscription.bureaus());
    }

    /** Whether the caller may create a subscription for these bureaus (empty with {@code everything}: all events). */
    public static boolean mayCreateFor(PlatformPrincipal caller, Set<String> bureaus, boolean everything) {
        if (caller.has(PlatformRole.ADMIN)) {
            return true;
        }
        return !everything && caller.has(PlatformRole.REGIONAL_BODY) && caller.bureaus().containsAll(bureaus);
    }
}
