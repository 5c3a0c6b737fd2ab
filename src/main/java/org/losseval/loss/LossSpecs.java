package org.losseval.loss;

import org.losseval.text.Numbers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.losseval.text.Suggestions;

/**
 * Parses loss specs and writes their normalized form.
 *
 * <p>Grammar of one {@code -l/--loss} value:
 * <pre>
 *   value := item (',' item)*          a token with '=' but no ':' continues the item before it
 *   item  := [label '='] name [':' param (',' param)*]
 *   param := key '=' number | key '=' '[' number (',' number)* ']'
 *   label := [A-Za-z_][A-Za-z0-9_.-]*
 * </pre>
 * so {@code -l mse,huber:delta=2,mae} gives three losses and {@code -l robust=huber:delta=2} a labelled one.
 * Commas inside brackets separate list elements, not items: {@code -l 'ce:weight=[1,2,0.5],label_smoothing=0.1'}
 * is one loss, normalized to {@code ce:label_smoothing=0.1,weight=[1,2,0.5]} (definition order).
 * Names and keys are case-sensitive (lowercase, except distillation's {@code T}); whitespace around tokens and
 * list elements is ignored. A number is anything {@link Double#parseDouble} accepts except NaN and
 * infinities; a parameter with a deferred word (huber's {@code delta=mad}) also accepts that word; an
 * integer parameter (ce's {@code ignore_index}) accepts only integers; a list parameter (ce's {@code weight})
 * accepts only a non-empty bracketed list, each element checked against the parameter's domain.
 *
 * <p>A token with '=' and no ':' is ambiguous between a parameter ({@code delta=2}) and a labelled loss
 * without parameters ({@code robust=mae}). It continues the item before it when its key is a parameter
 * of that loss, or its value is a number or that loss's deferred word; otherwise it starts a labelled
 * item. So {@code -l huber,delta=2} is {@code huber:delta=2}, and {@code -l mse,a=mae} two losses.
 *
 * <p>Decisions: giving a parameter twice in one item is an error ({@code pinball:q=0.1,q=0.9}: write two
 * items to get two losses). Every loss of a run is reported under its label, or under its normalized
 * spec when it has none; two losses with the same such key are an error ("loss 'mse' given twice",
 * also for {@code -l mae,l1}), while the same loss under two labels is allowed. Every error is a
 * {@link LossSpecException} with a one-line message that lists the valid choices; messages name a loss
 * by its canonical name even when an alias was typed.
 */
public final class LossSpecs {
    private LossSpecs() {}

    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** Parses every {@code -l} value, in order. */
    public static List<LossRequest> parse(List<String> values, LossRegistry registry) throws LossSpecException {
        List<LossRequest> requests = new ArrayList<>();
        Map<String, LossRequest> byKey = new HashMap<>();
        for (String value : values) {
            for (Item item : items(value, registry)) {
                LossRequest request = item.build();
                String key = request.label() != null ? request.label() : request.loss().spec();
                LossRequest earlier = byKey.putIfAbsent(key, request);
                if (earlier != null) {
                    throw new LossSpecException(earlier.label() == null && request.label() == null
                            ? "loss '" + key + "' given twice"
                            : "'" + key + "' names two losses; give each loss a different label");
                }
                requests.add(request);
            }
        }
        return requests;
    }

    /**
     * "name" or "name:key=value,..." listing the parameters that differ from their defaults, in definition
     * order; a list parameter that is present is written {@code key=[a,b,c]}.
     */
    public static String normalize(LossDefinition definition, Map<String, Double> params) {
        StringBuilder spec = new StringBuilder(definition.name());
        char separator = ':';
        for (ParamDefinition p : definition.params()) {
            if (p.list()) {
                double[] values = Definitions.list(params, p.name());
                if (values == null) continue;
                StringBuilder list = new StringBuilder();
                for (double v : values) list.append(list.length() == 0 ? "[" : ",").append(Numbers.exact(v));
                spec.append(separator).append(p.name()).append('=').append(list).append(']');
                separator = ',';
                continue;
            }
            Double value = params.get(p.name());
            if (value == null) throw new IllegalArgumentException(definition.name() + ": no value for " + p.name());
            if (value == p.defaultValue()) continue;
            String text;
            if (!Double.isNaN(value)) {
                text = Numbers.exact(value);
            } else if (p.deferredWord() != null) {
                text = p.deferredWord();
            } else {
                throw new IllegalArgumentException(definition.name() + ": " + p.name() + " is NaN");
            }
            spec.append(separator).append(p.name()).append('=').append(text);
            separator = ',';
        }
        return spec.toString();
    }

    /** The domain as it reads after "must be": "> 0", or "in (0, 1)" for an interval. */
    static String domainText(ParamDefinition param) {
        String domain = param.domain();
        return domain.startsWith("(") || domain.startsWith("[") ? "in " + domain : domain;
    }

    private static List<Item> items(String value, LossRegistry registry) throws LossSpecException {
        if (value.isBlank()) {
            throw new LossSpecException("empty loss spec; write name or name:key=value, e.g. huber:delta=2");
        }
        List<Item> items = new ArrayList<>();
        Item current = null;
        for (String rawToken : tokens(value)) {
            String token = rawToken.strip();
            if (token.isEmpty()) {
                throw new LossSpecException("empty item in loss spec '" + value + "'; separate losses by single commas");
            }
            int colon = token.indexOf(':');
            int equals = token.indexOf('=');
            if (colon < 0 && equals >= 0) {
                String key = token.substring(0, equals).strip();
                String text = token.substring(equals + 1).strip();
                if (current != null && current.takes(key, text)) {
                    current.add(key, text);
                    continue;
                }
                if (current == null && (isNumber(text) || isList(text))) {
                    throw new LossSpecException("'" + token + "' is a parameter but no loss comes before it;"
                            + " write name:" + token);
                }
            }
            current = item(token, registry);
            items.add(current);
        }
        return items;
    }

    /** The value split at the commas outside brackets. */
    private static List<String> tokens(String value) throws LossSpecException {
        List<String> tokens = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '[') {
                if (++depth > 1) throw new LossSpecException("nested '[' in loss spec '" + value + "'; a list holds numbers");
            } else if (c == ']') {
                if (--depth < 0) throw new LossSpecException("']' without '[' in loss spec '" + value + "'");
            } else if (c == ',' && depth == 0) {
                tokens.add(value.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) throw new LossSpecException("'[' without ']' in loss spec '" + value + "'");
        tokens.add(value.substring(start));
        return tokens;
    }

    /** One token that starts an item: [label=]name[:key=value]. */
    private static Item item(String token, LossRegistry registry) throws LossSpecException {
        int colon = token.indexOf(':');
        String head = colon < 0 ? token : token.substring(0, colon).strip();
        String label = null;
        String name = head;
        int equals = head.indexOf('=');
        if (equals >= 0) {
            label = head.substring(0, equals).strip();
            name = head.substring(equals + 1).strip();
            if (!LABEL.matcher(label).matches()) {
                throw new LossSpecException("invalid label '" + label + "' in '" + token + "': a label starts with a"
                        + " letter or '_' and has only letters, digits, '_', '.' and '-'");
            }
        }
        if (name.isEmpty()) throw new LossSpecException("missing loss name in '" + token + "'; losses are: "
                + String.join(", ", registry.names()));
        LossDefinition definition = registry.find(name);
        if (definition == null) {
            List<String> known = new ArrayList<>();
            for (LossDefinition d : registry.definitions()) {
                known.add(d.name());
                known.addAll(d.aliases());
            }
            // a case slip has one obvious answer; edit-distance hints would also offer other short names
            String lower = name.toLowerCase(Locale.ROOT);
            String hint = registry.find(lower) != null
                    ? " (did you mean '" + lower + "'? names are lowercase)"
                    : Suggestions.hint(name, known);
            throw new LossSpecException("unknown loss '" + name + "'" + hint
                    + "; losses are: " + String.join(", ", registry.names()));
        }
        Item item = new Item(label, definition);
        if (colon >= 0) {
            String param = token.substring(colon + 1).strip();
            int paramEquals = param.indexOf('=');
            if (paramEquals < 0) {
                throw new LossSpecException(definition.name() + ": expected key=value after ':', got '" + param + "'"
                        + parameterList(definition));
            }
            item.add(param.substring(0, paramEquals).strip(), param.substring(paramEquals + 1).strip());
        }
        return item;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isList(String text) {
        return text.startsWith("[") && text.endsWith("]");
    }

    private static String parameterList(LossDefinition definition) {
        if (definition.params().isEmpty()) return "; it takes no parameters";
        List<String> names = new ArrayList<>();
        for (ParamDefinition p : definition.params()) names.add(p.name());
        return "; its parameters are: " + String.join(", ", names);
    }

    /** One loss being parsed: its label, definition and the parameter texts given so far. */
    private static final class Item {
        private final String label;
        private final LossDefinition definition;
        private final Map<String, String> texts = new LinkedHashMap<>();

        Item(String label, LossDefinition definition) {
            this.label = label;
            this.definition = definition;
        }

        /** Whether a key=value token without ':' belongs to this item rather than naming a labelled loss. */
        boolean takes(String key, String text) {
            ParamDefinition byKey = definition.param(key);
            if (byKey != null || isNumber(text) || isList(text)) return true;
            for (ParamDefinition p : definition.params()) {
                if (text.equals(p.deferredWord())) return true;
            }
            return false;
        }

        void add(String key, String text) throws LossSpecException {
            String name = definition.name();
            if (definition.param(key) == null) {
                List<String> known = new ArrayList<>();
                for (ParamDefinition p : definition.params()) known.add(p.name());
                throw new LossSpecException(name + " has no parameter '" + key + "'"
                        + Suggestions.hint(key, known) + parameterList(definition));
            }
            String earlier = texts.putIfAbsent(key, text);
            if (earlier != null) {
                throw new LossSpecException(name + ": parameter '" + key + "' given twice; for two losses write "
                        + name + ":" + key + "=" + earlier + "," + name + ":" + key + "=" + text);
            }
        }

        LossRequest build() throws LossSpecException {
            Map<String, Double> values = new LinkedHashMap<>();
            for (ParamDefinition p : definition.params()) {
                String text = texts.get(p.name());
                if (p.list()) {
                    if (text != null) list(p, text, values);
                } else {
                    values.put(p.name(), text == null ? p.defaultValue() : value(p, text));
                }
            }
            return new LossRequest(label, definition.factory().apply(Collections.unmodifiableMap(values)));
        }

        /** Puts the elements of a list parameter as {@code name[0], name[1], ...}. */
        private void list(ParamDefinition p, String text, Map<String, Double> values) throws LossSpecException {
            String name = definition.name() + ": " + p.name();
            if (!isList(text)) {
                throw new LossSpecException(name + " must be a list in brackets, e.g. " + p.name() + "=[1,2,0.5], got '"
                        + text + "'");
            }
            String inside = text.substring(1, text.length() - 1);
            if (inside.isBlank()) throw new LossSpecException(name + " must hold at least one number, got '" + text + "'");
            String[] elements = inside.split(",", -1);
            for (int i = 0; i < elements.length; i++) {
                String element = elements[i].strip();
                String prefix = name + "[" + i + "] must be ";
                double v;
                try {
                    v = Double.parseDouble(element);
                } catch (NumberFormatException e) {
                    throw new LossSpecException(prefix + "a number, got '" + element + "' in " + text);
                }
                if (!Double.isFinite(v)) throw new LossSpecException(prefix + "a finite number, got '" + element + "'");
                if (!p.isValid().test(v)) throw new LossSpecException(prefix + domainText(p) + ", got " + element);
                values.put(ParamDefinition.key(p.name(), i), v);
            }
        }

        private double value(ParamDefinition p, String text) throws LossSpecException {
            String prefix = definition.name() + ": " + p.name() + " must be ";
            if (isList(text)) throw new LossSpecException(prefix + "one number, not a list, got '" + text + "'");
            if (p.deferredWord() != null && p.deferredWord().equals(text)) return Double.NaN;
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                String word = p.deferredWord() == null ? "" : " or '" + p.deferredWord() + "'";
                throw new LossSpecException(prefix + "a number" + word + ", got '" + text + "'");
            }
            if (!Double.isFinite(v)) throw new LossSpecException(prefix + "a finite number, got '" + text + "'");
            if (p.integer() && !ParamDefinition.isInteger(v)) {
                throw new LossSpecException(prefix + "an integer, got " + text);
            }
            if (!p.isValid().test(v)) throw new LossSpecException(prefix + domainText(p) + ", got " + text);
            return v;
        }
    }
}
