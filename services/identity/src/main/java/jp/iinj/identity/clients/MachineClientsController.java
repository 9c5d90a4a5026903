package jp.iinj.identity.clients;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.iinj.identity.accounts.Bureaus;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.validation.FreeText;

/** Machine clients of regional bodies (ADMIN only, see the security configuration). */
@RestController
@RequestMapping(path = "/api/identity/admin/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
@ApiResponse(responseCode = "403", description = "Not an administrator")
class MachineClientsController {

    private final MachineClients clients;

    MachineClientsController(MachineClients clients) {
        this.clients = clients;
    }

    /** Creates a client; the answer holds its secret, which is never shown again. */
    @Operation(operationId = "createMachineClient", summary = "Create a machine client",
            description = "A regional body's system, which gets tokens by client credentials (role REGIONAL_BODY, "
            + "the bureaus given) to read feeds. The answer holds the client secret, which is stored only as a hash "
            + "and never shown again.")
    @ApiResponse(responseCode = "201", description = "The client, with its secret")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedClientResponse create(@Valid @RequestBody CreateClientRequest request) {
        MachineClients.CreatedClient created = clients.create(request.name().strip(),
                Bureaus.checked(request.bureaus(), "bureaus"));
        return new CreatedClientResponse(created.clientId(), created.clientSecret(), created.name(), created.roles(),
                created.bureaus(), created.scopes(), List.of(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()));
    }

    @Operation(operationId = "listMachineClients", summary = "List the machine clients",
            description = "Without their secrets.")
    @ApiResponse(responseCode = "200", description = "The machine clients")
    @GetMapping
    List<ClientSummary> list() {
        return clients.list().stream()
                .map(client -> new ClientSummary(client.getClientId(), client.getClientName(),
                        PlatformClientSettings.roles(client.getClientSettings()),
                        PlatformClientSettings.bureaus(client.getClientSettings()), client.getClientIdIssuedAt()))
                .toList();
    }

    record CreateClientRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @FreeText(max = 100, required = true) String name,
            @NotNull @Size(min = 1, max = 9) List<@NotNull @Size(max = 32) String> bureaus) {
    }

    record CreatedClientResponse(String clientId, String clientSecret, String name, List<String> roles,
                                 List<String> bureaus, List<String> scopes, List<String> grantTypes) {
    }

    record ClientSummary(String clientId, String name, List<String> roles, List<String> bureaus, Instant createdAt) {
    }
}
