package jp.iinj.httpapi.security;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.correlation.RequestCorrelation;
import reactor.core.publisher.Mono;

/** Who calls and under which correlation id: what every changing request hands on to its feature. */
public record CallerRequest(PlatformPrincipal caller, String correlationId) {

    public static Mono<CallerRequest> current() {
        return Mono.zip(PlatformCallers.caller(), RequestCorrelation.current(), CallerRequest::new);
    }
}
