package org.losseval.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A registry entry: everything known about a loss before its parameters are given. The registry of
 * these is the single source for parsing specs, {@code losseval losses}, the help text, the man page and
 * the names in JSON output.
 *
 * @param name        the canonical name, e.g. "huber"
 * @param aliases     other accepted names, e.g. "l1" for "mae"
 * @param summary     one line of meaning, shown by {@code losseval losses}
 * @param formula     the per-row formula in plain text
 * @param convention  whose convention is followed (PyTorch, scikit-learn, the seed), or empty
 * @param params      the parameters in canonical order
 * @param inputForms  the sets of inputs it can read, in order of preference: a run uses the first form
 *                    whose roles were all given (bce reads --logits and --target, or --pred and --target)
 * @param factory     builds the loss from a complete, validated parameter map (NaN for a deferred word; a
 *                    list parameter as indexed entries {@code weight[0], ...}, absent when not given)
 */
public record LossDefinition(String name, List<String> aliases, String summary, String formula, String convention,
                             List<ParamDefinition> params, List<List<Role>> inputForms,
                             Function<Map<String, Double>, Loss> factory) {

    public LossDefinition {
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
        // A loop, not a stream: this runs for each loss a run looks up, at start-up.
        List<List<Role>> forms = new ArrayList<>();
        for (List<Role> form : inputForms) forms.add(List.copyOf(form));
        inputForms = List.copyOf(forms);
        if (inputForms.isEmpty()) throw new IllegalArgumentException(name + ": no input form");
    }

    /** The first input form whose roles are all among {@code given}, or null. */
    public List<Role> formFor(java.util.Set<Role> given) {
        for (List<Role> form : inputForms) {
            if (given.containsAll(form)) return form;
        }
        return null;
    }

    /** "--pred and --target", or "--logits and --target, or --pred and --target": for messages. */
    public String describeForms() {
        StringBuilder sb = new StringBuilder();
        for (List<Role> form : inputForms) {
            if (sb.length() > 0) sb.append(", or ");
            for (int i = 0; i < form.size(); i++) {
                if (i > 0) sb.append(i == form.size() - 1 ? " and " : ", ");
                sb.append(form.get(i).option());
            }
        }
        return sb.toString();
    }

    public ParamDefinition param(String paramName) {
        for (ParamDefinition p : params) {
            if (p.name().equals(paramName)) return p;
        }
        return null;
    }
}
