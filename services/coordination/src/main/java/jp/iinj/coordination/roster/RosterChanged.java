package jp.iinj.coordination.roster;

/**
 * In-process notice that an entry of the roster was added or changed, for whatever keeps the roster in memory (the
 * assignment of new cases); other instances see the change when their copy expires.
 */
public record RosterChanged(String coordinatorId) {
}
