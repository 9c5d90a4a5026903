package jp.iinj.memberregistry.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationNames;
import reactor.core.publisher.Mono;

/**
 * Lists organisations for staff: administrators see every bureau, regional bodies and coordinators only the bureaus
 * they cover, members none (403). Filters are ANDed; the keyword matches the normalised name, the kana, the English
 * name and the keywords, as quoted text (never a client's regex, never {@code $text}).
 */
@Service
public class OrganisationSearch {

    // never loaded for a list, so they cannot leak into one
    private static final List<String> NOT_LISTED = List.of("owner", "profile.address", "profile.contacts",
            "membership.reasonNote", "registrationKey", "outbox", "outboxPending", "outboxRetryAt", "outboxLease");

    private final ReactiveMongoTemplate mongo;

    public OrganisationSearch(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Which bureaus a caller lists, before it sent any parameter. */
    public record Confinement(boolean everyBureau, Set<String> bureaus) {

        public boolean covers(String bureau) {
            return everyBureau || bureaus.contains(bureau);
        }
    }

    /** @throws ProblemException 403 for callers who list nothing: members, and people without a staff role */
    public static Confinement confinementOf(PlatformPrincipal caller) {
        if (caller.has(PlatformRole.ADMIN)) {
            return new Confinement(true, Set.of());
        }
        if (caller.has(PlatformRole.REGIONAL_BODY) || caller.has(PlatformRole.COORDINATOR)) {
            return new Confinement(false, caller.bureaus());
        }
        throw ProblemException.forbidden("Only regional bodies, coordinators and administrators list organisations; "
                + "a member reads its own organisation by its id.");
    }

    public Mono<OrganisationPage> search(Confinement confinement, OrganisationSearchRequest request) {
        String filterHash = request.filterHash();
        SearchCursor after = request.cursor() == null ? null
                : SearchCursor.decode(request.cursor(), request.sort(), filterHash);
        Query query = new Query(matching(confinement, request, after))
                .with(request.sort().sort())
                .limit(request.limit() + 1); // one more tells whether there is a next page
        NOT_LISTED.forEach(field -> query.fields().exclude(field));
        return mongo.find(query, Organisation.class).collectList().map(found -> {
            boolean more = found.size() > request.limit();
            List<Organisation> page = more ? found.subList(0, request.limit()) : found;
            String next = more ? SearchCursor.after(page.get(page.size() - 1), request.sort(), filterHash).encode() : null;
            return new OrganisationPage(page.stream().map(OrganisationSummary::of).toList(), next);
        });
    }

    private static Criteria matching(Confinement confinement, OrganisationSearchRequest request, SearchCursor after) {
        List<Criteria> all = new ArrayList<>();
        if (request.bureau() != null) {
            requireCovered(confinement, request.bureau(), "bureau");
            all.add(where("profile.bureau").is(request.bureau()));
        } else if (!confinement.everyBureau()) {
            all.add(where("profile.bureau").in(confinement.bureaus()));
        }
        if (request.prefectureCode() != null) {
            String bureau = PrefectureDirectory.current().byJisCode(request.prefectureCode()).orElseThrow().bureau().id();
            requireCovered(confinement, bureau, "prefecture");
            all.add(where("profile.prefectureCode").is(request.prefectureCode()));
        }
        if (request.organisationType() != null) {
            all.add(where("profile.organisationType").is(request.organisationType()));
        }
        if (request.clusterId() != null) {
            all.add(where("profile.clusterIds").is(request.clusterId()));
        }
        if (!request.statuses().isEmpty()) {
            all.add(where("membership.status").in(request.statuses()));
        }
        if (request.keyword() != null) {
            all.add(keywordMatching(request.keyword()));
        }
        if (Boolean.TRUE.equals(request.duplicateFlagged())) {
            all.add(where("duplicateReview").ne(null).and("duplicateReview.clearedAt").is(null));
        } else if (Boolean.FALSE.equals(request.duplicateFlagged())) {
            all.add(new Criteria().orOperator(where("duplicateReview").is(null),
                    where("duplicateReview.clearedAt").ne(null)));
        }
        if (after != null) {
            all.add(after.following());
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static void requireCovered(Confinement confinement, String bureau, String parameter) {
        if (!confinement.covers(bureau)) {
            throw ProblemException.forbidden("You list organisations of the bureaus you cover only; "
                    + parameter + " asks for another one.");
        }
    }

    /**
     * A case-insensitive substring of the normalised name (the keyword normalised the same way, so 「㈱信濃川」
     * finds 「株式会社信濃川精機」), the kana, the English name or a keyword, each as quoted text.
     */
    private static Criteria keywordMatching(String keyword) {
        List<Criteria> anyOf = new ArrayList<>();
        String normalised = OrganisationNames.normalised(keyword);
        // a keyword that is only a legal form or punctuation normalises to nothing, which every name contains
        if (!normalised.isEmpty()) {
            anyOf.add(where("normalisedName").regex(quoted(normalised), "i"));
        }
        // as typed, and in NFKC (full-width letters, half-width katakana) as the profile rules store kana
        Set<String> forms = new LinkedHashSet<>(List.of(keyword, Normalizer.normalize(keyword, Normalizer.Form.NFKC)));
        for (String form : forms) {
            anyOf.add(where("profile.legalNameKana").regex(quoted(form), "i"));
            anyOf.add(where("profile.englishName").regex(quoted(form), "i"));
            anyOf.add(where("profile.keywords").regex(quoted(form), "i"));
        }
        return new Criteria().orOperator(anyOf);
    }

    private static String quoted(String text) {
        return Pattern.quote(text);
    }
}
