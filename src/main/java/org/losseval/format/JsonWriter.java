package org.losseval.format;

import org.losseval.text.Numbers;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer: objects, arrays, strings, booleans, integers, exact doubles and null, indented by
 * two spaces, empty containers written as {@code {}} and {@code []}. Just enough for {@link JsonPrinter};
 * it trusts its caller to nest correctly and to give each name once per object.
 *
 * <p>Strings are escaped per RFC 8259: quote, backslash and the control characters U+0000..U+001F
 * ({@code \b \f \n \r \t} by name, the rest as {@code \}{@code u00XX}). Everything else, non-ASCII
 * included, is written as is and becomes UTF-8 when the caller's writer encodes UTF-8. Two exceptions:
 * U+2028 and U+2029 are escaped because JavaScript before ES2019 rejects them in string literals, and an
 * unpaired surrogate (possible in a Java string, e.g. from a mis-decoded file name) is escaped because it
 * cannot be encoded in UTF-8 at all.
 */
final class JsonWriter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    /** One entry per open container: whether it has an element yet. */
    private final Deque<Boolean> hasElements = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        hasElements.push(false);
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        hasElements.push(false);
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        newElement();
        appendQuoted(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /** A string, or null when {@code value} is null. */
    JsonWriter value(String value) {
        if (value == null) return nullValue();
        beforeValue();
        appendQuoted(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** The shortest exact form of {@code value}, or null when it is not finite (JSON has no NaN or inf). */
    JsonWriter value(double value) {
        if (!Double.isFinite(value)) return nullValue();
        beforeValue();
        out.append(Numbers.exact(value));
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** The document written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else {
            newElement();
        }
    }

    private void newElement() {
        if (hasElements.isEmpty()) return;
        if (hasElements.pop()) out.append(',');
        hasElements.push(true);
        out.append('\n').append(INDENT.repeat(hasElements.size()));
    }

    private JsonWriter close(char bracket) {
        boolean nonEmpty = hasElements.pop();
        if (nonEmpty) out.append('\n').append(INDENT.repeat(hasElements.size()));
        out.append(bracket);
        return this;
    }

    private void appendQuoted(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isUnpairedSurrogate(text, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isUnpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
