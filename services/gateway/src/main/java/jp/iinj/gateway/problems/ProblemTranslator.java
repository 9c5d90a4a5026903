package jp.iinj.gateway.problems;

import java.util.Optional;

import jp.iinj.httpapi.core.problems.ProblemException;
import org.springframework.web.server.ServerWebExchange;

/** Recognises failures of one kind (e.g. an unreachable service) and says which problem the client gets. */
@FunctionalInterface
public interface ProblemTranslator {

    Optional<ProblemException> translate(Throwable error, ServerWebExchange exchange);
}
