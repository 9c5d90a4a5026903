package jp.iinj.coordination.roster;

import java.util.List;

/**
 * A roster entry's content once checked by {@link RosterRules}: lists without duplicates, in the client's order.
 */
public record RosterEntry(
        String name,
        List<String> bureaus,
        List<String> prefectures,
        List<String> technologyFields,
        List<String> jsicDivisions,
        List<String> languages,
        int capacity,
        Availability availability) {

    public RosterEntry {
        bureaus = List.copyOf(bureaus);
        prefectures = List.copyOf(prefectures);
        technologyFields = List.copyOf(technologyFields);
        jsicDivisions = List.copyOf(jsicDivisions);
        languages = List.copyOf(languages);
    }
}
