package jp.iinj.endtoend.support;

import java.net.http.HttpHeaders;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** What the front door answered to one request, with the request for assertion messages. */
public record Answer(String method, String path, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** RFC 9457: {@code application/problem+json}, parameters such as {@code charset} allowed. */
    public boolean isProblem() {
        return contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
    }

    /** For assertion messages: the request and the whole answer. */
    public String describe() {
        return method + " " + path + " -> " + status + " [" + contentType() + "] "
                + (body.length() > 600 ? body.substring(0, 600) + " ..." : body);
    }

    @Override
    public String toString() {
        return describe();
    }
}
