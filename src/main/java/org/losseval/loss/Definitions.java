package org.losseval.loss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the loss classes when they declare their definitions and report their parameters. */
final class Definitions {
    private Definitions() {}

    /** The inputs of every regression loss: one prediction and one target column. */
    static final List<Role> PRED_TARGET = List.of(Role.PRED, Role.TARGET);

    /** An unmodifiable, ordered map of one parameter. */
    static Map<String, Double> params(String name, double value) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(name, value);
        return Collections.unmodifiableMap(map);
    }

    /**
     * Checks a constructor argument against its definition (numbers from specs are checked earlier, with
     * a friendlier message; this guards direct construction).
     */
    static double checked(LossDefinition definition, String paramName, double value) {
        ParamDefinition param = definition.param(paramName);
        if (!Double.isFinite(value) || !param.isValid().test(value)) {
            throw new IllegalArgumentException(
                    definition.name() + ": " + paramName + " must be " + LossSpecs.domainText(param) + ", got " + value);
        }
        return value;
    }
}
