package jp.iinj.identity.accounts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.contracts.regions.RegionalBureau;

/** Bureau ids in requests: each must be one of {@link RegionalBureau}'s ids ({@code kanto}, {@code kinki}, …). */
public final class Bureaus {

    private Bureaus() {
    }

    /**
     * The bureaus without duplicates, in the given order.
     *
     * @throws ProblemException 400 naming each unknown one ({@code bureaus[2]})
     */
    public static List<String> checked(List<String> bureaus, String field) {
        List<InvalidField> errors = new ArrayList<>();
        for (int i = 0; i < bureaus.size(); i++) {
            if (RegionalBureau.byId(bureaus.get(i)).isEmpty()) {
                errors.add(new InvalidField(field + "[" + i + "]", "Unknown bureau."));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return List.copyOf(new LinkedHashSet<>(bureaus));
    }
}
