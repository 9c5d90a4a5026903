package jp.iinj.businessmatching.search;

import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jp.iinj.businessmatching.engine.ProfileSearch;
import jp.iinj.businessmatching.engine.SearchPage;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.profiles.ProfileAccess;
import jp.iinj.businessmatching.profiles.ProfileChanges;
import jp.iinj.businessmatching.profiles.PublishedProfileView;
import jp.iinj.businessmatching.searchindex.SearchIndex;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;

@RestController
@RequestMapping(path = "/api/matching", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search", description = "Keywords in Japanese or English over published profiles, with filters and "
        + "cursor paging; owners stay anonymous.")
public class ProfileSearchController {

    private final SearchIndex index;
    private final MatchingMembers members;
    private final ProfileChanges profiles;

    public ProfileSearchController(SearchIndex index, MatchingMembers members, ProfileChanges profiles) {
        this.index = index;
        this.members = members;
        this.profiles = profiles;
    }

    /** A page of published profiles, best first, and the cursor of the next page (absent on the last). */
    public record SearchResults(List<PublishedProfileView> items, String next) {
    }

    @Operation(summary = "Search published profiles", description = "Members' people, coordinators, regional bodies "
            + "and administrators. Words are matched in Japanese and English and through the technical glossary "
            + "(a Japanese keyword finds an English profile of the same idea). Profiles of members that are not "
            + "active are never shown.")
    @ApiResponse(responseCode = "200", description = "A page of results")
    @ApiResponse(responseCode = "400", description = "A parameter or the cursor is not valid")
    @GetMapping("/profiles")
    public Mono<SearchResults> searchProfiles(@Valid @ParameterObject @ModelAttribute ProfileSearchRequest request,
                                      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        ProfileSearchRequest.refuseUnknown(query);
        return PlatformCallers.caller()
                .filterWhen(caller -> ProfileAccess.maySearch(caller, members))
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden("Only members' people, coordinators, "
                        + "regional bodies and administrators search partnering profiles; a member only while its "
                        + "membership is active.")))
                .flatMap(caller -> activeOwners()
                        .flatMap(active -> Mono.fromCallable(() -> index.engine().search(query(request), active::contains))
                                .subscribeOn(Schedulers.boundedElastic())
                                .onErrorMap(IllegalArgumentException.class, notOurs ->
                                        new FieldValidationException("cursor", "not a cursor of this search"))))
                .flatMap(this::results);
    }

    private Mono<Set<String>> activeOwners() {
        return members.activeIds();
    }

    private Mono<SearchResults> results(SearchPage page) {
        List<String> ids = page.hits().stream().map(SearchPage.Hit::profileId).toList();
        return Flux.fromIterable(ids)
                .concatMap(id -> profiles.profileWithOwner(id))
                .filter(found -> found.profile().published() && found.owner().active())
                .collectMap(found -> found.profile().id(), found -> PublishedProfileView.of(found.profile(),
                        found.owner()))
                .map(views -> new SearchResults(ids.stream().map(views::get).filter(view -> view != null).toList(),
                        page.next()));
    }

    private static ProfileSearch query(ProfileSearchRequest request) {
        return new ProfileSearch(request.keywords(), request.type() == null ? Set.of() : Set.copyOf(request.type()),
                request.technologyField() == null ? Set.of() : Set.copyOf(request.technologyField()),
                request.bureau(), request.targetRegion(), request.stage(), request.partnershipType(), request.cursor(),
                request.size() == null ? ProfileSearchRequest.DEFAULT_SIZE : request.size());
    }
}
