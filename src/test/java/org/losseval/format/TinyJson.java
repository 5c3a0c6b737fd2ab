package org.losseval.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict recursive-descent JSON parser (RFC 8259) for checking {@link JsonPrinter} output field by field,
 * written independently of {@code JsonWriter}. Objects become {@link LinkedHashMap}s (a duplicate name is an
 * error), arrays {@link List}s, strings {@link String}s, {@code null} Java null, and numbers
 * {@link Num}, which keep their text so a test can tell {@code 3} from {@code 3.0}.
 */
public final class TinyJson {
    /** A JSON number as written. */
    public record Num(String text) {
        public double asDouble() { return Double.parseDouble(text); }

        public boolean isInteger() { return text.matches("-?(0|[1-9][0-9]*)"); }

        public long asLong() {
            if (!isInteger()) throw new IllegalStateException("not an integer: " + text);
            return Long.parseLong(text);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int pos;

    /** The value at a path of object keys (String) and array indexes (Integer), e.g. ("losses", 0, "value"). */
    public static Object at(Object root, Object... path) {
        Object node = root;
        for (Object step : path) {
            if (step instanceof Integer index) {
                node = ((List<?>) node).get(index);
            } else {
                Map<?, ?> object = (Map<?, ?>) node;
                if (!object.containsKey(step)) throw new AssertionError("no field '" + step + "' in " + object.keySet());
                node = object.get(step);
            }
        }
        return node;
    }

    /** The number at a path, as a double. */
    public static double number(Object root, Object... path) {
        return ((Num) at(root, path)).asDouble();
    }

    private TinyJson(String text) {
        this.text = text;
    }

    /** The single value in {@code text}, which may have surrounding whitespace and nothing else. */
    public static Object parse(String text) {
        TinyJson parser = new TinyJson(text);
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != text.length()) throw parser.error("trailing text");
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) throw error("unexpected end");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default: return number();
        }
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipWhitespace();
            String name = string();
            if (members.containsKey(name)) throw error("duplicate name " + name);
            skipWhitespace();
            expect(':');
            members.put(name, value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return elements;
        }
        while (true) {
            elements.add(value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return elements;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return s.toString();
            if (c < 0x20) throw error("raw control character " + (int) c + " in string");
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char escape = text.charAt(pos++);
            switch (escape) {
                case '"': s.append('"'); break;
                case '\\': s.append('\\'); break;
                case '/': s.append('/'); break;
                case 'b': s.append('\b'); break;
                case 'f': s.append('\f'); break;
                case 'n': s.append('\n'); break;
                case 'r': s.append('\r'); break;
                case 't': s.append('\t'); break;
                case 'u':
                    s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default: throw error("bad escape \\" + escape);
            }
        }
    }

    private Num number() {
        var matcher = NUMBER.matcher(text).region(pos, text.length());
        if (!matcher.lookingAt()) throw error("not a JSON value");
        pos = matcher.end();
        return new Num(matcher.group());
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("expected " + word);
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) throw error("unexpected end");
        return text.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + pos);
    }
}
