package org.losseval.loss;

import org.losseval.text.Numbers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the loss classes when they declare their definitions and report their parameters. */
final class Definitions {
    private Definitions() {}

    /** The inputs of every regression loss: one prediction and one target column. */
    static final List<List<Role>> PRED_TARGET = List.of(List.of(Role.PRED, Role.TARGET));

    /** An unmodifiable, ordered map of one parameter. */
    static Map<String, Double> params(String name, double value) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(name, value);
        return Collections.unmodifiableMap(map);
    }

    /** An ordered parameter map being built in definition order; a list becomes indexed entries. */
    static Params params() { return new Params(); }

    static final class Params {
        private final Map<String, Double> map = new LinkedHashMap<>();

        private Params() {}

        Params put(String name, double value) {
            map.put(name, value);
            return this;
        }

        /** Adds {@code name[0], name[1], ...}; nothing for a null (absent) list. */
        Params putList(String name, double[] values) {
            if (values != null) {
                for (int i = 0; i < values.length; i++) map.put(ParamDefinition.key(name, i), values[i]);
            }
            return this;
        }

        Map<String, Double> build() { return Collections.unmodifiableMap(map); }
    }

    /** The list parameter {@code name} of a parameter map ({@code name[0], name[1], ...}), or null when absent. */
    static double[] list(Map<String, Double> params, String name) {
        int size = 0;
        while (params.containsKey(ParamDefinition.key(name, size))) size++;
        if (size == 0) return null;
        double[] values = new double[size];
        for (int i = 0; i < size; i++) values[i] = params.get(ParamDefinition.key(name, i));
        return values;
    }

    /**
     * Checks a constructor argument against its definition (numbers from specs are checked earlier, with
     * a friendlier message; this guards direct construction).
     */
    static double checked(LossDefinition definition, String paramName, double value) {
        ParamDefinition param = definition.param(paramName);
        if (!Double.isFinite(value) || (param.integer() && !ParamDefinition.isInteger(value))
                || !param.isValid().test(value)) {
            String kind = param.integer() ? "an integer " : "";
            throw new IllegalArgumentException(definition.name() + ": " + paramName + " must be " + kind
                    + LossSpecs.domainText(param) + ", got " + Numbers.exact(value));
        }
        return value;
    }

    /** As {@link #checked} for each element of a list parameter; returns a copy, or null for null (absent). */
    static double[] checkedList(LossDefinition definition, String paramName, double[] values) {
        if (values == null) return null;
        if (values.length == 0) throw new IllegalArgumentException(definition.name() + ": " + paramName + " is empty");
        for (double v : values) checked(definition, paramName, v);
        return values.clone();
    }
}
