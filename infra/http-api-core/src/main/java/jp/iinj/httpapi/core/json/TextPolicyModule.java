package jp.iinj.httpapi.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.TokenBufferReadContext;

import jp.iinj.httpapi.core.text.TextPolicy;
import jp.iinj.httpapi.core.text.TextPolicy.Lines;
import jp.iinj.httpapi.core.text.Verbatim;
import jp.iinj.httpapi.core.validation.FreeText;

/**
 * The {@link TextPolicy} for every JSON string of a request body: each is read in NFC, and a body with any string the
 * policy refuses is refused as a whole with a {@link RefusedTextException} naming every such string by its JSON path
 * ({@code legalName}, {@code contacts[0].name}, {@code keywords[3]}), not only the first. Strings are single-line
 * unless their property is {@code @FreeText(multiLine = true)}; a {@link Verbatim} property is read as sent.
 */
public final class TextPolicyModule extends SimpleModule {

    public TextPolicyModule() {
        super("iinj-text-policy");
        addDeserializer(String.class, PolicedStrings.SINGLE_LINE);
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                return new RefusedAtTheEnd(deserializer);
            }
        });
    }

    /** Reads a string as Jackson would (same coercion rules), then normalises and judges it. */
    private static final class PolicedStrings extends StdScalarDeserializer<String> {

        static final PolicedStrings SINGLE_LINE = new PolicedStrings(Lines.SINGLE);
        static final PolicedStrings MULTI_LINE = new PolicedStrings(Lines.MULTIPLE);

        private final Lines lines;

        private PolicedStrings(Lines lines) {
            super(String.class);
            this.lines = lines;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            if (property == null) {
                return this;
            }
            if (property.getAnnotation(Verbatim.class) != null) {
                return StringDeserializer.instance;
            }
            FreeText freeText = property.getAnnotation(FreeText.class);
            return freeText != null && freeText.multiLine() ? MULTI_LINE : SINGLE_LINE;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            String normalised = TextPolicy.normalised(value);
            Optional<String> problem = TextPolicy.problemWith(normalised, lines);
            if (problem.isPresent()) {
                Refusals.of(context).refuse(parser, pathOf(parser.streamReadContext()), problem.get());
            }
            return normalised;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        /** The property path in Bean Validation's notation, as {@code JsonBodyProblems} names other fields. */
        private static String pathOf(TokenStreamContext context) {
            List<String> segments = new ArrayList<>();
            for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                if (isReplayedObject(at)) {
                    continue;
                }
                if (at.inArray()) {
                    segments.add(0, "[" + at.getCurrentIndex() + "]");
                } else if (at.currentName() != null) {
                    segments.add(0, "." + at.currentName());
                }
            }
            String path = String.join("", segments);
            return path.startsWith(".") ? path.substring(1) : path;
        }
    }

    /**
     * The stand-in for the object whose properties Jackson buffered to read them again, as it does for an
     * {@code @JsonUnwrapped} component: the replayed object is that object itself, not a value of its last property,
     * whose name the stand-in still carries.
     */
    private static boolean isReplayedObject(TokenStreamContext context) {
        return context instanceof TokenBufferReadContext && !(context.getParent() instanceof TokenBufferReadContext);
    }

    /**
     * Around every object's deserializer: when the outermost object of the body is read, the strings refused inside
     * it are thrown together.
     */
    private static final class RefusedAtTheEnd extends DelegatingDeserializer {

        RefusedAtTheEnd(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new RefusedAtTheEnd(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Refusals refusals = Refusals.of(context);
            refusals.depth++;
            Object value;
            try {
                value = super.deserialize(parser, context);
            } finally {
                refusals.depth--;
            }
            if (refusals.depth == 0 && !refusals.found.isEmpty()) {
                throw new RefusedTextException(parser, refusals.found);
            }
            return value;
        }
    }

    /** The refused strings of one body being read (a per-call attribute of the deserialization). */
    private static final class Refusals {

        private static final Object KEY = Refusals.class;

        private final List<RefusedTextException.Refusal> found = new ArrayList<>();
        private int depth;

        static Refusals of(DeserializationContext context) {
            Refusals refusals = (Refusals) context.getAttribute(KEY);
            if (refusals == null) {
                refusals = new Refusals();
                context.setAttribute(KEY, refusals);
            }
            return refusals;
        }

        void refuse(JsonParser parser, String path, String message) {
            found.add(new RefusedTextException.Refusal(path, message));
            if (depth == 0) {
                // not inside an object (a bare string body): nothing else can come
                throw new RefusedTextException(parser, found);
            }
        }
    }
}
