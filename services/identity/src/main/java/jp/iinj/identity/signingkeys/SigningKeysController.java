package jp.iinj.identity.signingkeys;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation on demand, and what keys exist (ADMIN only, see the security configuration). */
@RestController
@RequestMapping(path = "/api/identity/admin/signing-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class SigningKeysController {

    private final SigningKeys keys;

    SigningKeysController(SigningKeys keys) {
        this.keys = keys;
    }

    /** A new active key; the former one stays published until the tokens it signed have expired. */
    @PostMapping("/rotation")
    SigningKeys.Rotation rotate() {
        return keys.rotate();
    }

    @GetMapping
    List<SigningKeys.KeyInfo> list() {
        return keys.list();
    }
}
