package jp.iinj.eventfeeds.access;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.eventfeeds.log.FeedScope;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ProblemException;

/**
 * Who reads which part of the feeds: a regional body (its people, and its machine clients) the events of its bureaus;
 * an administrator everything; nobody else anything. Members and coordinators follow their own work in the portal.
 */
public final class FeedAccess {

    private FeedAccess() {
    }

    /** @throws ProblemException 403 for a caller who reads no feed */
    public static FeedScope scopeOf(PlatformPrincipal caller) {
        if (caller.has(PlatformRole.ADMIN)) {
            return FeedScope.everything();
        }
        if (caller.has(PlatformRole.REGIONAL_BODY) && !caller.bureaus().isEmpty()) {
            return FeedScope.of(caller.bureaus());
        }
        throw ProblemException.forbidden("Feeds are for regional bodies (their bureaus' events) and administrators.");
    }
}
