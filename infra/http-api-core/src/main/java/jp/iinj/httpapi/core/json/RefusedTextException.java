package jp.iinj.httpapi.core.json;

import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A request body with strings the {@link jp.iinj.httpapi.core.text.TextPolicy} refuses: each named by its path. */
public final class RefusedTextException extends MismatchedInputException {

    private final List<Refusal> refusals;

    RefusedTextException(JsonParser parser, List<Refusal> refusals) {
        super(parser, refusals.size() + " string(s) refused by the text policy", String.class);
        this.refusals = List.copyOf(refusals);
    }

    /** In the order they were read. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /**
     * @param path    {@code contacts[0].name}; empty for a body that is only a string
     * @param message what is wrong, without the text itself
     */
    public record Refusal(String path, String message) {
    }
}
