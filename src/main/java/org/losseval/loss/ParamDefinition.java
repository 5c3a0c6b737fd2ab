package org.losseval.loss;

import java.util.function.DoublePredicate;

/**
 * One parameter of a loss.
 *
 * @param name          as written in a spec, e.g. "delta"
 * @param defaultValue  the value when the spec does not give one
 * @param domain        the valid values, for messages and documentation, e.g. "> 0" or "(0, 1)"
 * @param isValid       tests a value against the domain
 * @param deferredWord  a word accepted instead of a number whose value is resolved from the data
 *                      (e.g. "mad" for huber's delta), or null
 * @param description   one line of meaning
 */
public record ParamDefinition(String name, double defaultValue, String domain, DoublePredicate isValid,
                              String deferredWord, String description) {}
