package org.losseval.loss;

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
 * @param roles       the inputs it reads
 * @param factory     builds the loss from a complete, validated parameter map (NaN for a deferred word)
 */
public record LossDefinition(String name, List<String> aliases, String summary, String formula, String convention,
                             List<ParamDefinition> params, List<Role> roles,
                             Function<Map<String, Double>, Loss> factory) {

    public LossDefinition {
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
        roles = List.copyOf(roles);
    }

    public ParamDefinition param(String paramName) {
        for (ParamDefinition p : params) {
            if (p.name().equals(paramName)) return p;
        }
        return null;
    }
}
