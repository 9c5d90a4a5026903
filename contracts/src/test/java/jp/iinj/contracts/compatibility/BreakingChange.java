package jp.iinj.contracts.compatibility;

/**
 * One change that could break a producer or consumer built against the baseline schema.
 *
 * @param location JSON pointer into the schema, as a URI fragment (e.g. {@code #/properties/bureau/enum})
 */
public record BreakingChange(String location, String reason) {

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
