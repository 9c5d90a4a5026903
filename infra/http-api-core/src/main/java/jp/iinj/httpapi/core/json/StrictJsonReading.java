package jp.iinj.httpapi.core.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read on every stack: unknown properties, duplicate keys, trailing data and values of the
 * wrong JSON type ({@code 123} for a string, {@code "12"} or {@code 1.5} for an int, {@code "x"} for a list, {@code 1}
 * for an enum, which Jackson would take as a constant's position) are rejected instead of guessed at. Only request
 * readers use it: the application's own mapper stays tolerant, since it also reads other services' answers and
 * events, which may gain fields at any time.
 *
 * <p>Every string is held to the platform's text policy as it is read ({@link TextPolicyModule}): normalised to NFC,
 * and refused (all refused strings of a body named at once) when it holds control, bidirectional, invisible,
 * private-use or unassigned characters.
 *
 * <p>This is the one place both stacks read request bodies through (WebFlux's decoder in {@code iinj-http-api}, Spring
 * MVC's converter in {@code iinj-http-api-servlet}). A rule for every value a client sends in a body belongs here, as
 * a Jackson module registered in {@link #strict}: every service then applies it and a violation is a 400 naming the
 * property, like any other value Jackson refuses.
 */
public final class StrictJsonReading {

    private StrictJsonReading() {
    }

    public static JsonMapper strict(JsonMapper mapper) {
        return mapper.rebuild()
                .addModule(new TextPolicyModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Collection, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
    }
}
