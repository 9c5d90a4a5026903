package jp.iinj.identity.signingkeys;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Key rotation on demand, and what keys exist (ADMIN only, see the security configuration). */
@RestController
@RequestMapping(path = "/api/identity/admin/signing-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
@ApiResponse(responseCode = "403", description = "Not an administrator")
class SigningKeysController {

    private final SigningKeys keys;

    SigningKeysController(SigningKeys keys) {
        this.keys = keys;
    }

    /** A new active key; the former one stays published until the tokens it signed have expired. */
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the signing key",
            description = "A new ACTIVE key signs from now on; the former one is RETIRED and stays in the JWKS "
            + "until every token it signed has expired. Rotation also happens on a schedule (every 30 days by "
            + "default).")
    @ApiResponse(responseCode = "200", description = "The new active key id and the retired one")
    @PostMapping("/rotation")
    SigningKeys.Rotation rotate() {
        return keys.rotate();
    }

    @Operation(operationId = "listSigningKeys", summary = "List the signing keys",
            description = "Key ids with status, dates and when a retired key leaves the JWKS; no key material.")
    @ApiResponse(responseCode = "200", description = "The signing keys")
    @GetMapping
    List<SigningKeys.KeyInfo> list() {
        return keys.list();
    }
}
