package jp.iinj.endtoend.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reads (never verifies: the platform does) the header and claims of an access token. */
public record Jwt(JsonNode header, JsonNode claims) {

    public static Jwt decode(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a JWS compact serialization: " + token);
        }
        return new Jwt(part(parts[0]), part(parts[1]));
    }

    public String keyId() {
        return header.path("kid").asString("");
    }

    public String subject() {
        return claims.path("sub").asString("");
    }

    public List<String> roles() {
        return Json.strings(claims.get("roles"));
    }

    public List<String> memberIds() {
        return Json.strings(claims.get("member_ids"));
    }

    public List<String> bureaus() {
        return Json.strings(claims.get("bureaus"));
    }

    private static JsonNode part(String encoded) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
    }
}
