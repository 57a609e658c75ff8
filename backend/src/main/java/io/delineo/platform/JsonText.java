package io.delineo.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Every text value that arrives as JSON, on every endpoint, passes here: control characters (NUL and the other C0
 * codes except tab, line feed and carriage return) are refused, and so is text longer than
 * {@code delineo.limits.text-chars}. PostgreSQL cannot store NUL in text and none of these characters belongs in a
 * label, a name or a note; the refusal names the field by its JSON path so the client can tell which one.
 * <p>The checks apply while a request body is read ({@link #whileReadingRequestBody}), not when the portal reads
 * JSON it wrote itself (stored reads, audit details), so data stored before this check stays readable.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {
    public static final int DEFAULT_MAX_CHARS = 10_000;
    private static final ThreadLocal<Boolean> READING_REQUEST = new ThreadLocal<>();

    /** Runs {@code read} (the framework reading a request body) with the checks on. */
    public static <T> T whileReadingRequestBody(java.util.concurrent.Callable<T> read) throws Exception {
        Boolean outer = READING_REQUEST.get();
        READING_REQUEST.set(Boolean.TRUE);
        try {
            return read.call();
        } finally {
            if (outer == null) READING_REQUEST.remove();
        }
    }

    static boolean checking() {
        return READING_REQUEST.get() != null;
    }

    /** A text value the portal does not accept; mapped to 400 with its message by {@link ErrorMapper}. */
    public static class RefusedText extends JsonMappingException {
        RefusedText(JsonParser p, String message) {
            super(p, message);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        int maxChars = ConfigProvider.getConfig().getOptionalValue("delineo.limits.text-chars", Integer.class)
                .orElse(DEFAULT_MAX_CHARS);
        SimpleModule module = new SimpleModule("delineo-text");
        module.addDeserializer(String.class, new CheckedString(maxChars));
        module.addDeserializer(Object.class, new CheckedTree<>(Object.class, new UntypedObjectDeserializer((com.fasterxml.jackson.databind.JavaType) null, null), maxChars));
        module.addDeserializer(JsonNode.class, new CheckedTree<>(JsonNode.class,
                JsonNodeDeserializer.getDeserializer(JsonNode.class), maxChars));
        mapper.registerModule(module);
    }

    /** The problem with a text value, or null when it is acceptable. */
    static String problem(String text, int maxChars) {
        if (text.length() > maxChars) {
            return "is " + text.length() + " characters long; text fields hold at most " + maxChars
                    + " (delineo.limits.text-chars)";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return String.format("contains the control character U+%04X at position %d; text may not contain "
                        + "control characters other than tab, line feed and carriage return", (int) c, i + 1);
            }
        }
        return null;
    }

    static String field(String pointer) {
        return pointer == null || pointer.isEmpty() ? "the request body" : "field " + pointer;
    }

    private static final class CheckedString extends StdDeserializer<String> {
        private final int maxChars;

        CheckedString(int maxChars) {
            super(String.class);
            this.maxChars = maxChars;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && checking()) {
                String problem = problem(value, maxChars);
                if (problem != null) {
                    throw new RefusedText(p, field(p.getParsingContext().pathAsPointer().toString()) + " " + problem);
                }
            }
            return value;
        }
    }

    /** Free-form values (maps, lists, trees): read as usual, then every key and text inside is checked. */
    private static final class CheckedTree<T> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends T> delegate;
        private final int maxChars;

        CheckedTree(Class<T> type, JsonDeserializer<? extends T> delegate, int maxChars) {
            super(type);
            this.delegate = delegate;
            this.maxChars = maxChars;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String at = p.getParsingContext().pathAsPointer().toString();
            T value = delegate.deserialize(p, ctxt);
            if (checking()) check(p, value, at);
            return value;
        }

        private void check(JsonParser p, Object value, String at) throws RefusedText {
            if (value instanceof String s) {
                fail(p, s, at);
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    fail(p, key, at + "/" + key);
                    check(p, e.getValue(), at + "/" + key);
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) check(p, list.get(i), at + "/" + i);
            } else if (value instanceof JsonNode node) {
                if (node.isTextual()) {
                    fail(p, node.textValue(), at);
                } else if (node.isObject()) {
                    for (var it = node.fields(); it.hasNext(); ) {
                        var e = it.next();
                        fail(p, e.getKey(), at + "/" + e.getKey());
                        check(p, e.getValue(), at + "/" + e.getKey());
                    }
                } else if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) check(p, node.get(i), at + "/" + i);
                }
            } else if (value instanceof Object[] array) {
                for (int i = 0; i < array.length; i++) check(p, array[i], at + "/" + i);
            }
        }

        private void fail(JsonParser p, String text, String at) throws RefusedText {
            String problem = problem(text, maxChars);
            if (problem != null) throw new RefusedText(p, field(at) + " " + problem);
        }
    }
}
