package org.losseval.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/**
 * The value of one option built without annotations ({@link ArgBinding}): picocli sets it while parsing, the
 * options class reads it. A holder rather than a getter and setter lambda over a field: each lambda is an
 * invokedynamic call site that the JVM links at its first use (a bootstrap method, method handles, a hidden
 * class), at every start; about 80 of them (two per option) were the largest share of the main thread's time in
 * building {@code eval}'s options (StartupProfile, JDK 17).
 *
 * @param <T> the option's type (boxed for a primitive option)
 */
final class OptionValue<T> implements IGetter, ISetter {
    private T value;

    /** @param initial the value before parsing (shown by {@code ${DEFAULT-VALUE}} when the option has no default) */
    OptionValue(T initial) {
        this.value = initial;
    }

    /** The value parsed, else the option's default, else the initial value. */
    T value() {
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
        return (V) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V newValue) {
        V previous = (V) value;
        value = (T) newValue;
        return previous;
    }
}
