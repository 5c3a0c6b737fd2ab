package org.losseval.loss;

import java.util.function.DoublePredicate;
import org.losseval.text.Numbers;

/**
 * One parameter of a loss.
 *
 * <p>Three kinds: a number; an <em>integer</em> (ce's ignore_index, multi_margin's p), which a spec must give
 * without a fraction; and a <em>list</em> of numbers (ce's class {@code weight=[1,2,0.5]}), which has no
 * default (absent means "none", e.g. no class weights) and whose {@code domain} and {@code isValid} apply to
 * each element. A loss reports a list in {@link Loss#params()} as indexed entries
 * {@code weight[0]=1, weight[1]=2, weight[2]=0.5} (see {@link #key}), so a report needs no type beyond
 * {@code Map<String, Double>}; an absent list has no entries.
 *
 * @param name          as written in a spec, e.g. "delta"
 * @param defaultValue  the value when the spec does not give one; NaN for a list (no default)
 * @param domain        the valid values, for messages and documentation, e.g. "> 0" or "(0, 1)"; of each
 *                      element for a list
 * @param isValid       tests a value (or a list element) against the domain
 * @param deferredWord  a word accepted instead of a number whose value is resolved from the data
 *                      (e.g. "mad" for huber's delta), or null
 * @param description   one line of meaning
 * @param integer       whether the value must be an integer (in the range of {@code int})
 * @param list          whether the parameter is a list of numbers
 */
public record ParamDefinition(String name, double defaultValue, String domain, DoublePredicate isValid,
                              String deferredWord, String description, boolean integer, boolean list) {

    public ParamDefinition {
        if (integer && list) throw new IllegalArgumentException(name + ": a list of integers is not supported");
        if (list && (!Double.isNaN(defaultValue) || deferredWord != null)) {
            throw new IllegalArgumentException(name + ": a list parameter has no default and no deferred word");
        }
    }

    /** A number parameter, possibly with a deferred word. */
    public ParamDefinition(String name, double defaultValue, String domain, DoublePredicate isValid,
                           String deferredWord, String description) {
        this(name, defaultValue, domain, isValid, deferredWord, description, false, false);
    }

    /** A number parameter without a deferred word. */
    public static ParamDefinition number(String name, double defaultValue, String domain, DoublePredicate isValid,
                                         String description) {
        return new ParamDefinition(name, defaultValue, domain, isValid, null, description, false, false);
    }

    /** An integer parameter; {@code isValid} sees only integers. */
    public static ParamDefinition integer(String name, int defaultValue, String domain, DoublePredicate isValid,
                                          String description) {
        return new ParamDefinition(name, defaultValue, domain, isValid, null, description, true, false);
    }

    /** A list parameter without default; {@code elementDomain} and {@code isValid} apply to each element. */
    public static ParamDefinition list(String name, String elementDomain, DoublePredicate isValid, String description) {
        return new ParamDefinition(name, Double.NaN, elementDomain, isValid, null, description, false, true);
    }

    /**
     * The default as documentation shows it: its shortest decimal ({@link Numbers#exact}: 1.0 as "1", 1e-6 as
     * "1e-06"); "none" for a list, and for another NaN default its deferred word or "none".
     */
    public String defaultText() {
        if (list) return "none";
        if (Double.isNaN(defaultValue)) return deferredWord == null ? "none" : deferredWord;
        return Numbers.exact(defaultValue);
    }

    /** The {@link Loss#params()} key of element {@code index} of a list parameter: "weight[2]". */
    public static String key(String listName, int index) {
        return listName + "[" + index + "]";
    }

    /** Whether {@code value} is an integer in the range of {@code int}. */
    static boolean isInteger(double value) {
        return value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }
}
