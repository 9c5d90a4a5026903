package jp.iinj.httpapi.testapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.httpapi.correlation.RequestCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/test")
public class TestController {

    public static final String OWN_POLICY = "default-src 'self'";
    static final String INVALID_CHECK_DIGIT = "1000000000000";

    private static final Logger log = LoggerFactory.getLogger(TestController.class);

    enum Kind { COMPANY, UNIVERSITY }

    record Office(@NotBlank String city) {
    }

    record Registration(
            @NotBlank @Size(max = 40) String legalName,
            @Pattern(regexp = "\\d{13}") String corporateNumber,
            @PositiveOrZero int employees,
            @NotNull @Size(max = 3) List<@Valid Office> offices,
            Boolean active,
            Kind kind) {
    }

    /** A handler that sends a policy of its own: the edge keeps it. */
    @GetMapping("/own-policy")
    ResponseEntity<String> ownPolicy() {
        return ResponseEntity.ok().header("Content-Security-Policy", OWN_POLICY).body("{}");
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Registration> register(@Valid @RequestBody Registration registration) {
        if (INVALID_CHECK_DIGIT.equals(registration.corporateNumber())) {
            throw new FieldValidationException("corporateNumber", "The check digit does not match.");
        }
        return Mono.just(registration);
    }

    @GetMapping("/failures/{kind}")
    Mono<String> fail(@PathVariable String kind) {
        return switch (kind) {
            case "not-found" -> Mono.error(new ResourceNotFoundException("No member 42."));
            case "conflict" -> throw new ConflictException("Corporate number already registered.");
            case "precondition" -> Mono.error(new PreconditionFailedException("The member has changed."));
            case "teapot" -> throw new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT, "Not a coffee pot.");
            case "response-status-500" -> throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "secret: pool exhausted");
            default -> Mono.error(new IllegalStateException("secret: mongodb://admin:pw@db unreachable"));
        };
    }

    @GetMapping(value = "/json-only", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, String>> jsonOnly() {
        return Mono.just(Map.of("ok", "yes"));
    }

    @GetMapping("/search")
    Mono<String> search(@RequestParam("q") @Size(max = 5) String query) {
        return Mono.just(query);
    }

    /** Reads the id after a thread hop, from the Reactor context and from the MDC. */
    @GetMapping("/correlation")
    Mono<Map<String, String>> correlation() {
        return Mono.delay(Duration.ofMillis(5))
                .then(RequestCorrelation.current())
                .map(id -> {
                    log.info("serving correlation probe");
                    return Map.of("fromContext", id, "fromMdc", String.valueOf(MDC.get(CorrelationIds.MDC_KEY)));
                });
    }
}
