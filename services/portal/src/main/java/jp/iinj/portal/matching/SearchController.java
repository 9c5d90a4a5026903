package jp.iinj.portal.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.matching.MatchingProfiles.SearchResults;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * {@code GET /matching/search}: keywords and the API's filters as a GET form (so a search is a link), published
 * profiles as anonymous cards, and the API's cursor for the next page.
 */
@Controller
class SearchController {

    /** The search as the form sends it: the API's parameter names. */
    record Search(String keywords, List<String> type, List<String> technologyField, String bureau, String targetRegion,
                  String stage, String partnershipType, String cursor) {

        Search {
            type = type == null ? List.of() : type.stream().filter(value -> !value.isBlank()).toList();
            technologyField = technologyField == null ? List.of() : technologyField.stream().filter(value -> !value.isBlank()).toList();
        }

        boolean asked() {
            return !blank(keywords) || !type.isEmpty() || !technologyField.isEmpty() || !blank(bureau)
                    || !blank(targetRegion) || !blank(stage) || !blank(partnershipType);
        }

        /** The API's query: each given parameter, the lists repeated. */
        java.net.URI uri(UriBuilder uri) {
            Map<String, Object> values = new HashMap<>();
            uri.path("/api/matching/profiles");
            single(uri, values, "keywords", keywords == null ? null : keywords.strip());
            for (int i = 0; i < type.size(); i++) {
                uri.queryParam("type", "{type" + i + "}");
                values.put("type" + i, type.get(i));
            }
            for (int i = 0; i < technologyField.size(); i++) {
                uri.queryParam("technologyField", "{technologyField" + i + "}");
                values.put("technologyField" + i, technologyField.get(i));
            }
            single(uri, values, "bureau", bureau);
            single(uri, values, "targetRegion", targetRegion);
            single(uri, values, "stage", stage);
            single(uri, values, "partnershipType", partnershipType);
            single(uri, values, "cursor", cursor);
            return uri.build(values);
        }

        /** This search's next page, as a link of this page (values encoded strictly: a cursor may hold a "+"). */
        String nextPage(String next) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/matching/search");
            Map<String, Object> values = new HashMap<>();
            single(link, values, "keywords", keywords == null ? null : keywords.strip());
            for (int i = 0; i < type.size(); i++) {
                link.queryParam("type", "{type" + i + "}");
                values.put("type" + i, type.get(i));
            }
            for (int i = 0; i < technologyField.size(); i++) {
                link.queryParam("technologyField", "{technologyField" + i + "}");
                values.put("technologyField" + i, technologyField.get(i));
            }
            single(link, values, "bureau", bureau);
            single(link, values, "targetRegion", targetRegion);
            single(link, values, "stage", stage);
            single(link, values, "partnershipType", partnershipType);
            single(link, values, "cursor", next);
            return link.encode().buildAndExpand(values).toUriString();
        }

        private static void single(UriBuilder uri, Map<String, Object> values, String name, String value) {
            if (!blank(value)) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private final GatewayClient gateway;

    SearchController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/matching/search")
    Mono<String> search(@ModelAttribute("search") Search search, Model model) {
        ProfileDraftController.addChoices(model);
        model.addAttribute("asked", search.asked());
        if (!search.asked()) {
            model.addAttribute("results", List.of());
            return Mono.just("matching/search");
        }
        return gateway.asPerson().get().uri(search::uri)
                .retrieve().bodyToMono(SearchResults.class)
                .map(results -> {
                    model.addAttribute("results", results.items());
                    model.addAttribute("nextPage", results.next() == null ? null : search.nextPage(results.next()));
                    return "matching/search";
                })
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(400)) {
                        model.addAttribute("results", List.of());
                        model.addAttribute("refused", true);
                        return Mono.just("matching/search");
                    }
                    return Mono.error(problem);
                });
    }
}
