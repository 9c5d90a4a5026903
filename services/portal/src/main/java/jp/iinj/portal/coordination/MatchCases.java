package jp.iinj.portal.coordination;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import jp.iinj.portal.coordination.CoordinationCases.Case;
import jp.iinj.portal.coordination.CoordinationCases.CaseList;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import reactor.core.publisher.Mono;

/**
 * The coordination case of an agreed match, for the match's page: one of the member's own cases (coordination lists a
 * member's cases with {@code view=mine}; there is no look-up by match). The match page stays usable when coordination
 * does not answer: it then says nothing of the case rather than something wrong.
 */
@Component
public class MatchCases {

    private static final Logger log = LoggerFactory.getLogger(MatchCases.class);

    /** Whether coordination answered, and the match's case if it has one yet. */
    public record Lookup(boolean answered, Case found) {
    }

    private final GatewayClient gateway;

    MatchCases(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public Mono<Lookup> ofMatch(String matchId) {
        if (matchId == null) {
            return Mono.just(new Lookup(true, null));
        }
        return gateway.asPerson().get()
                .uri(uri -> uri.path("/api/coordination/cases").queryParam("view", "mine").build())
                .retrieve().bodyToMono(CaseList.class)
                .map(list -> new Lookup(true, list.items().stream()
                        .filter(c -> matchId.equals(c.matchId())).findFirst().orElse(null)))
                .onErrorResume(error -> error instanceof ApiProblem problem && !problem.is(401)
                        || error instanceof WebClientRequestException, error -> {
                    log.warn("The case of match {} could not be read: {}", matchId, error.getMessage());
                    return Mono.just(new Lookup(false, null));
                });
    }
}
