package jp.iinj.coordination.assignment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the assignment rules need to know of a case: the bureaus of its two parties, what it is about, and who already
 * declined it.
 *
 * @param firstPartyBureau  bureau id of the first party (the profile's owner in business matching)
 * @param secondPartyBureau bureau id of the second party (the interested member); may equal the first
 * @param technologyFields  ids of the technology-field vocabulary the case is about
 * @param jsicDivisions     JSIC division letters (A–T) the case is about
 * @param declinedBy        roster ids of coordinators who declined this case or let it pass its acceptance due date:
 *                          never chosen again for it by the rules
 */
public record CaseToAssign(
        String caseId,
        String firstPartyBureau,
        String secondPartyBureau,
        Set<String> technologyFields,
        Set<String> jsicDivisions,
        Set<String> declinedBy) {

    public CaseToAssign {
        technologyFields = Set.copyOf(technologyFields);
        jsicDivisions = Set.copyOf(jsicDivisions);
        declinedBy = Set.copyOf(declinedBy);
    }

    /** The parties' bureaus, first party first, each once. */
    public List<String> partyBureaus() {
        return List.copyOf(new LinkedHashSet<>(List.of(firstPartyBureau, secondPartyBureau)));
    }

    /** The same case after a coordinator declined it. */
    public CaseToAssign declinedBy(String coordinatorId) {
        Set<String> declined = new LinkedHashSet<>(declinedBy);
        declined.add(coordinatorId);
        return new CaseToAssign(caseId, firstPartyBureau, secondPartyBureau, technologyFields, jsicDivisions, declined);
    }
}
