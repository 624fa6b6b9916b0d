package org.varflow.core.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text of a tree of maps, collections, arrays, numbers, strings, booleans and nulls, written with Jackson's
 * streaming generator. The text is the same as Jackson's {@code ObjectMapper} writes for such a tree (with
 * {@code INDENT_OUTPUT} for {@link #pretty}: two-space indentation, {@code "key" : value}); only the
 * data-binding layer is left out, whose start-up (some 600 classes) dominated the time a short command spends
 * printing its summary. Anything else in the tree is refused rather than written by guesswork.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** The tree on one line. */
    public static String compact(Object tree) {
        return write(tree, false);
    }

    /** The tree indented by two spaces per level, without a final line break. */
    public static String pretty(Object tree) {
        return write(tree, true);
    }

    private static String write(Object tree, boolean pretty) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            value(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Number n) {
            number(g, n);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object x : c) {
                value(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof double[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof long[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof int[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof Object[] a) {
            value(g, Arrays.asList(a));
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            throw new IllegalArgumentException("no JSON form for a " + v.getClass().getName());
        }
    }

    private static void number(JsonGenerator g, Number n) throws IOException {
        if (n instanceof Double d) {
            g.writeNumber(d);
        } else if (n instanceof Float f) {
            g.writeNumber(f);
        } else if (n instanceof Long l) {
            g.writeNumber(l);
        } else if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            g.writeNumber(n.intValue()); // as data binding writes them: plain integers
        } else if (n instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (n instanceof BigInteger b) {
            g.writeNumber(b);
        } else {
            throw new IllegalArgumentException("no JSON form for a " + n.getClass().getName());
        }
    }
}
