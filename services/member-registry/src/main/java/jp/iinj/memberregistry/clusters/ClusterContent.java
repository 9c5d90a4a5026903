package jp.iinj.memberregistry.clusters;

import java.util.Arrays;

import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.problems.FieldValidationException;

/**
 * The fields of a cluster an administrator edits, checked beyond Bean Validation: the bureau is a known one, names
 * are stripped, a blank English name is no English name.
 */
record ClusterContent(String name, String englishName, ClusterProgramme programme, String bureau, boolean active) {

    /** No control, formatting (zero-width, bidi override) or lone surrogate characters: names are shown to people. */
    static final String PRINTABLE = "^[^\\p{Cc}\\p{Cf}\\p{Cs}]*$";
    static final String PRINTABLE_MESSAGE = "must not contain control or formatting characters";

    static final String KNOWN_BUREAUS = String.join(", ",
            Arrays.stream(RegionalBureau.values()).map(RegionalBureau::id).toList());

    static ClusterContent checked(String name, String englishName, ClusterProgramme programme, String bureau,
                                  boolean active) {
        if (RegionalBureau.byId(bureau).isEmpty()) {
            throw new FieldValidationException("bureau", "unknown regional bureau; one of " + KNOWN_BUREAUS);
        }
        String english = englishName == null || englishName.isBlank() ? null : englishName.strip();
        return new ClusterContent(name.strip(), english, programme, bureau, active);
    }
}
