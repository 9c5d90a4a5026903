package jp.iinj.memberregistry.clusters;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.core.openapi.Anonymous;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import reactor.core.publisher.Mono;

/** The cluster catalogue: anyone reads it (the registration form lists it), administrators maintain it. */
@RestController
@RequestMapping(path = "/api/members/clusters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Clusters", description = "The catalogue of industrial and knowledge clusters member organisations "
        + "belong to; maintained by administrators")
public class ClusterController {

    private final ClusterCatalogue catalogue;
    private final ClusterAdministration administration;

    public ClusterController(ClusterCatalogue catalogue, ClusterAdministration administration) {
        this.catalogue = catalogue;
        this.administration = administration;
    }

    @Operation(operationId = "addCluster", summary = "Add a cluster", description = "Administrators only.")
    @ApiResponse(responseCode = "201", description = "Added; Location names it, ETag is its revision",
            headers = @Header(name = HttpHeaders.ETAG, description = "the revision, e.g. \"0\"",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "409", description = "The programme and bureau already have a cluster of this name "
            + "(compared ignoring width, case and spacing)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ClusterResponse>> add(@Valid @RequestBody NewClusterRequest request) {
        return Mono.fromCallable(request::content)
                .flatMap(administration::add)
                .map(cluster -> ResponseEntity.created(URI.create("/api/members/clusters/" + cluster.id()))
                        .eTag(RevisionTag.of(cluster.revision()))
                        .body(ClusterResponse.of(cluster)));
    }

    @Operation(operationId = "listClusters", summary = "List clusters", description = "Anyone. By bureau id, then name; at most "
            + ClusterCatalogue.LISTING_LIMIT + " (truncated says when more matched).")
    @ApiResponse(responseCode = "200", description = "The clusters the filters select")
    @ApiResponse(responseCode = "400", description = "Unknown programme, bureau or active value")
    @Anonymous
    @GetMapping
    public Mono<ClusterListResponse> list(
            @Parameter(description = "only this programme", schema = @Schema(implementation = ClusterProgramme.class))
            @RequestParam(name = "programme", required = false) String programme,
            @Parameter(description = "only this regional bureau, e.g. kanto")
            @RequestParam(name = "bureau", required = false) String bureau,
            @Parameter(description = "true (default): active clusters; false: deactivated ones; all: both",
                    schema = @Schema(allowableValues = {"true", "false", "all"}, defaultValue = "true"))
            @RequestParam(name = "active", required = false) String active) {
        return Mono.fromCallable(() -> ClusterFilter.of(programme, bureau, active))
                .flatMap(catalogue::list)
                .map(ClusterListResponse::of);
    }

    @Operation(operationId = "readCluster", summary = "Read a cluster", description = "Anyone; deactivated clusters stay readable.")
    @ApiResponse(responseCode = "200", description = "The cluster; ETag is its revision",
            headers = @Header(name = HttpHeaders.ETAG, description = "the revision, e.g. \"3\"",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @Anonymous
    @GetMapping("/{clusterId}")
    public Mono<ResponseEntity<ClusterResponse>> cluster(@PathVariable String clusterId) {
        return catalogue.byId(clusterId)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no cluster " + clusterId)))
                .map(ClusterController::withETag);
    }

    @Operation(operationId = "replaceCluster", summary = "Replace a cluster's fields", description = "Administrators only. Every editable field; "
            + "If-Match must carry the ETag of the version read. active=false deactivates it: it stays readable, "
            + "but no organisation may newly name it.")
    @ApiResponse(responseCode = "200", description = "Replaced (or already so); ETag is its revision",
            headers = @Header(name = HttpHeaders.ETAG, description = "the revision, e.g. \"4\"",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @ApiResponse(responseCode = "409", description = "Another cluster of the programme and bureau has this name")
    @ApiResponse(responseCode = "412", description = "Changed since the version If-Match names")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    @PutMapping(path = "/{clusterId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ClusterResponse>> replace(
            @PathVariable String clusterId,
            @Parameter(description = "the ETag of the version read, e.g. \"3\"", required = true)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ClusterReplacement replacement) {
        return Mono.fromCallable(() -> RevisionTag.expectedRevision(ifMatch))
                .flatMap(expectedRevision -> administration.replace(clusterId, expectedRevision, replacement.content()))
                .map(ClusterController::withETag);
    }

    private static ResponseEntity<ClusterResponse> withETag(Cluster cluster) {
        return ResponseEntity.ok().eTag(RevisionTag.of(cluster.revision())).body(ClusterResponse.of(cluster));
    }
}
