package jp.iinj.memberregistry.profile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.FreeTextValidator;
import jp.iinj.httpapi.core.validation.InputValidation;
import jp.iinj.memberregistry.organisation.ContactPerson;
import jp.iinj.memberregistry.organisation.OrganisationProfile;
import reactor.core.publisher.Mono;

/**
 * Checks a profile however it arrived (registration, profile update, import row) and turns it into what is stored:
 * the constraints declared on {@link ProfileInput}, then the one rule that needs the database (the clusters named
 * are active ones in the catalogue), then the stored form: strings stripped, kana full-width, lists without repeats,
 * the bureau derived from the prefecture. Nothing reaches a query or a document before it passed here.
 */
@Component
public class ProfileRules {

    private final PrefectureDirectory prefectures = PrefectureDirectory.current();
    private final InputValidation validation;
    private final KnownClusters clusters;

    public ProfileRules(InputValidation validation, KnownClusters clusters) {
        this.validation = validation;
        this.clusters = clusters;
    }

    /**
     * The checked profile, or a {@link FieldValidationException} naming every invalid field, after
     * {@code otherProblems} the caller found in fields outside the profile.
     */
    public Mono<OrganisationProfile> check(ProfileInput input, List<InvalidField> otherProblems) {
        List<InvalidField> problems = new ArrayList<>(otherProblems);
        problems.addAll(validation.problems(input));
        List<String> clusterIds = distinct(input.clusterIds());
        return clusterProblems(clusterIds, problems).flatMap(allProblems -> allProblems.isEmpty()
                ? Mono.just(stored(input, clusterIds))
                : Mono.error(new FieldValidationException(allProblems)));
    }

    /** The catalogue decides which ids name active clusters (it never queries ids not of its shape). */
    private Mono<List<InvalidField>> clusterProblems(List<String> clusterIds, List<InvalidField> problems) {
        boolean malformed = problems.stream()
                .anyMatch(problem -> problem.field() != null && problem.field().startsWith("clusterIds"));
        if (clusterIds.isEmpty() || malformed) {
            return Mono.just(problems);
        }
        return clusters.unknownOrInactive(clusterIds).map(unknown -> {
            List<InvalidField> all = new ArrayList<>(problems);
            for (int i = 0; i < clusterIds.size(); i++) {
                if (unknown.contains(clusterIds.get(i))) {
                    all.add(new InvalidField("clusterIds[" + i + "]", "no active cluster " + clusterIds.get(i)));
                }
            }
            return all;
        });
    }

    /** The stored form of a valid input. */
    private OrganisationProfile stored(ProfileInput input, List<String> clusterIds) {
        Prefecture prefecture = prefectures.byJisCode(input.prefectureCode()).orElseThrow();
        String kana = FreeTextValidator.stored(input.legalNameKana());
        return new OrganisationProfile(
                FreeTextValidator.stored(input.legalName()),
                // half-width katakana to full-width
                kana == null ? null : Normalizer.normalize(kana, Normalizer.Form.NFKC),
                FreeTextValidator.stored(input.englishName()),
                input.organisationType(),
                prefecture.jisCode(),
                prefecture.bureau().id(),
                FreeTextValidator.stored(input.address()),
                FreeTextValidator.stored(input.website()),
                input.employeeBand(),
                input.capitalBand(),
                input.jsicCodes() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.jsicCodes().stream()
                        .map(code -> new JsicCode(code.revision(), code.code())).toList())),
                distinct(input.technologyFields()),
                distinct(input.keywords() == null ? null : input.keywords().stream().map(String::strip).toList()),
                clusterIds,
                input.typology(),
                input.contacts() == null ? List.of() : input.contacts().stream()
                        .map(contact -> new ContactPerson(FreeTextValidator.stored(contact.name()), FreeTextValidator.stored(contact.department()),
                                FreeTextValidator.stored(contact.email()), FreeTextValidator.stored(contact.phone())))
                        .toList());
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(values.stream().filter(Objects::nonNull).toList()));
    }
}
