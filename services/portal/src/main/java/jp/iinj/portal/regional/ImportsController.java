package jp.iinj.portal.regional;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * CSV import of a member list: {@code /regional/imports} uploads a file (UTF-8 or the Shift_JIS of Japanese
 * spreadsheets, as the person says), streamed to member-registry as {@code text/csv} with that charset; then
 * {@code /regional/imports/{id}} shows the import's progress live (htmx polls {@code /progress} every second while it
 * runs) and, once done, the rows' errors.
 */
@Controller
class ImportsController {

    static final List<String> CHARSETS = List.of("UTF-8", "Shift_JIS");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Started(String id) {
    }

    private final GatewayClient gateway;

    ImportsController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/regional/imports")
    String form(@RequestParam(required = false) String refused, Model model) {
        model.addAttribute("charsets", CHARSETS);
        model.addAttribute("refused", refused != null && refused.matches("file|charset|csv|tooLarge") ? refused : null);
        return "regional/import-form";
    }

    @PostMapping(path = "/regional/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> upload(ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> {
            String charset = value(parts, "charset");
            if (charset == null || !CHARSETS.contains(charset)) {
                return Mono.just(back("charset"));
            }
            if (!(parts.getFirst("file") instanceof FilePart file) || file.filename().isBlank()) {
                return Mono.just(back("file"));
            }
            return gateway.asPerson().post().uri("/api/members/imports")
                    .contentType(MediaType.parseMediaType("text/csv; charset=" + charset))
                    .body(BodyInserters.fromDataBuffers(file.content()))
                    .retrieve().bodyToMono(Started.class)
                    .map(started -> Rendering.redirectTo("/regional/imports/" + started.id()).status(HttpStatus.SEE_OTHER).build())
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.is(413)) {
                            return Mono.just(back("tooLarge"));
                        }
                        if (problem.is(400) || problem.is(415)) {
                            return Mono.just(back("csv"));
                        }
                        return Mono.error(problem);
                    });
        });
    }

    @GetMapping("/regional/imports/{importId}")
    Mono<String> status(@PathVariable String importId, Model model) {
        return read(importId, model).thenReturn("regional/import-status");
    }

    /** The progress fragment that replaces itself every second while the import runs. */
    @GetMapping("/regional/imports/{importId}/progress")
    Mono<String> progress(@PathVariable String importId, Model model) {
        return read(importId, model).thenReturn("regional/import-status :: progress");
    }

    private Mono<ImportStatus> read(String importId, Model model) {
        return gateway.asPerson().get().uri("/api/members/imports/{id}", importId)
                .retrieve().bodyToMono(ImportStatus.class)
                .doOnNext(status -> model.addAttribute("status", status));
    }

    private static String value(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        return part instanceof org.springframework.http.codec.multipart.FormFieldPart field ? field.value() : null;
    }

    private static Rendering back(String refused) {
        return Rendering.redirectTo("/regional/imports?refused=" + refused).status(HttpStatus.SEE_OTHER).build();
    }
}
