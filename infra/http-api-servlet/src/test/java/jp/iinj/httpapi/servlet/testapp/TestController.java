package jp.iinj.httpapi.servlet.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;

@RestController
@RequestMapping("/test")
public class TestController {

    public static final String OWN_POLICY = "default-src 'self'";

    record Office(@NotBlank String city) {
    }

    record Registration(@NotBlank @Size(max = 40) String legalName, @PositiveOrZero int employees,
                        List<@Valid Office> offices) {
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Registration register(@Valid @RequestBody Registration registration) {
        return registration;
    }

    @GetMapping("/members/{id}")
    String member(@PathVariable UUID id) {
        throw new ResourceNotFoundException("No member " + id + ".");
    }

    /** A handler that sends a policy of its own: the edge keeps it. */
    @GetMapping("/own-policy")
    ResponseEntity<String> ownPolicy() {
        return ResponseEntity.ok().header("Content-Security-Policy", OWN_POLICY).body("{}");
    }

    @GetMapping("/boom")
    String boom() {
        throw new IllegalStateException("secret: mongodb://admin:pw@db unreachable");
    }

    @GetMapping("/correlation")
    Map<String, String> correlation() {
        return Map.of("fromMdc", String.valueOf(MDC.get(CorrelationIds.MDC_KEY)));
    }

    @GetMapping("/secured/admin")
    String admin() {
        return "admin";
    }

    @GetMapping("/secured/member")
    String member() {
        return "member";
    }
}
