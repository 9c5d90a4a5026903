package jp.iinj.memberregistry.importing;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = MemberImportController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports", description = "Bulk import of a regional body's existing member list (CSV)")
public class MemberImportController {

    public static final String PATH = "/api/members/imports";

    static final String CSV_FORMAT = """
            RFC 4180 CSV: comma-separated, fields with commas, quotes or line breaks in double quotes, a quote \
            inside written twice. UTF-8 (a byte order mark is skipped) or, with `charset=Shift_JIS` \
            (`Windows-31J`, `MS932`), the Shift_JIS of Japanese spreadsheets.

            The first row names the columns, in any order: `corporate_number`, `no_corporate_number_reason`, \
            `legal_name`, `legal_name_kana`, `english_name`, `organisation_type`, `prefecture_code`, `address`, \
            `website`, `employee_band`, `capital_band`, `jsic_codes`, `technology_fields`, `keywords`, \
            `cluster_ids`, `typology`, `owner_name`, `owner_email`, `expires_on`. Names are matched ignoring case, \
            spaces, hyphens and camelCase (`Legal Name`, `legalName`); Japanese labels (`法人番号`, `法人名`, \
            `都道府県コード` …, see the service's README) are accepted too. `legal_name`, `organisation_type` and \
            `prefecture_code` are required, and `corporate_number` or `no_corporate_number_reason`; an unknown, \
            repeated or missing column refuses the whole file (400, before anything is imported).

            Values: lists (`jsic_codes`, `technology_fields`, `keywords`, `cluster_ids`) are `;`-separated; a JSIC \
            code is `revision:code` (`14:2611`); vocabulary values as in the registration API, in any case, with \
            spaces or hyphens for underscores (`start-up`); `prefecture_code` as JIS X 0401 (`1` is read as `01`); \
            `expires_on` as `2027-03-31` or `2027/3/31` (default: today plus one membership term); \
            `owner_name` and `owner_email` together or not at all. Blank cells are absent values; rows without any \
            value are skipped.

            Each row follows the registration rules (profile, corporate number check digit). Row numbers in \
            errors are record numbers, the header being row 1.""";

    private final MemberImports imports;
    private final ImportIntake intake;
    private final StaleImportReaper reaper;

    public MemberImportController(MemberImports imports, ImportIntake intake, StaleImportReaper reaper) {
        this.imports = imports;
        this.intake = intake;
        this.reaper = reaper;
    }

    @Operation(summary = "Import a member list", description = """
            By a regional body (rows of prefectures in the bureaus it covers; other rows are row errors) or an \
            administrator. The body is the CSV file (`Content-Type: text/csv; charset=UTF-8|Shift_JIS|Windows-31J|\
            MS932`, UTF-8 when no charset is named), at most 64 MB. It is stored, checked (charset, header) and \
            accepted with 202: the rows are then imported in the background; poll the status at `Location`.

            Each valid row becomes an ACTIVE member (member-registered, member-approved and, with an owner, \
            owner-designated are published). Idempotent: a row whose corporate number is registered already (in \
            any status), or without a number whose normalised name is registered in the same prefecture, counts \
            as already registered and changes nothing, so a file can be imported again safely.

            """ + CSV_FORMAT,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "202", description = "Accepted; Location is the status to poll")
    @ApiResponse(responseCode = "400", description = "Empty file, a bad header (errors[].field header[i]), or bytes "
            + "that are not the declared charset")
    @ApiResponse(responseCode = "403", description = "Neither a regional body nor an administrator")
    @ApiResponse(responseCode = "413", description = "File over the size limit")
    @ApiResponse(responseCode = "415", description = "Not text/csv, or a charset other than those listed")
    @PostMapping
    public Mono<ResponseEntity<ImportStatusResponse>> startImport(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return CallerRequest.current()
                .flatMap(context -> intake.accept(request.getBody(), headers.getFirst(HttpHeaders.CONTENT_TYPE),
                        headers.getContentLength(), context.caller(), context.correlationId()))
                .map(started -> ResponseEntity.accepted()
                        .location(URI.create(PATH + "/" + started.id()))
                        .body(ImportStatusResponse.of(started)));
    }

    @Operation(summary = "The status of an import", description = "For whoever started the import, and "
            + "administrators; to anyone else it does not exist. Poll it while `state` is RUNNING: the counters "
            + "grow as rows are imported. An import whose service instance stopped is FAILED with a "
            + "`failureReason`; importing the file again is safe.")
    @ApiResponse(responseCode = "200", description = "The status")
    @ApiResponse(responseCode = "404", description = "No such import, or not yours")
    @GetMapping("/{importId}")
    public Mono<ImportStatusResponse> importStatus(@PathVariable String importId) {
        return PlatformCallers.caller()
                .flatMap(caller -> imports.byId(importId).filter(status -> status.startedBy().visibleTo(caller)))
                .flatMap(reaper::current)
                .map(ImportStatusResponse::of)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no import " + importId)));
    }
}
