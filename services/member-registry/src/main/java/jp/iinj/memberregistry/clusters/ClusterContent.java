package jp.iinj.memberregistry.clusters;

import java.util.Arrays;

import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.validation.FreeTextValidator;

/**
 * The fields of a cluster an administrator edits, checked beyond Bean Validation: the bureau is a known one, names
 * are kept as {@code @FreeText} keeps text (NFC, stripped), a blank English name is no English name.
 */
record ClusterContent(String name, String englishName, ClusterProgramme programme, String bureau, boolean active) {

    static final int MAX_NAME = 200;

    static final String KNOWN_BUREAUS = String.join(", ",
            Arrays.stream(RegionalBureau.values()).map(RegionalBureau::id).toList());

    static ClusterContent checked(String name, String englishName, ClusterProgramme programme, String bureau,
                                  boolean active) {
        if (RegionalBureau.byId(bureau).isEmpty()) {
            throw new FieldValidationException("bureau", "unknown regional bureau; one of " + KNOWN_BUREAUS);
        }
        return new ClusterContent(FreeTextValidator.stored(name), FreeTextValidator.stored(englishName), programme,
                bureau, active);
    }
}
