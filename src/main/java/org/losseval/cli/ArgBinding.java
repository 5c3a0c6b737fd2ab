package org.losseval.cli;

import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Options and positional parameters built without annotations, each bound to the {@link OptionValue} that holds
 * its value. {@code eval}'s and {@code advise}'s are built so ({@link CommandSpecs}): picocli's reflective walk
 * over annotated fields (each annotation parsed and given a proxy class, the class hierarchy scanned for
 * {@code @Command} methods) was about half of a three-row run's main thread (src/bench/README.md, start-up).
 *
 * <p>What the annotation path did for free is done here: the holder's value when the option is built is its
 * initial value (shown by {@code ${DEFAULT-VALUE}} when the option has no {@code defaultValue}), and the argument
 * has a scope, since picocli applies the defaults of an argument group's options only when it has.
 */
final class ArgBinding {
    private ArgBinding() {}

    /** An option named {@code names}, of {@code type}, whose value {@code value} holds. */
    static <T> OptionSpec.Builder option(Class<? super T> type, OptionValue<T> value, String... names) {
        return OptionSpec.builder(names).type(type).getter(value).setter(value).scope(OWNED)
                .initialValue(value.value()).hasInitialValue(true);
    }

    /** A positional parameter of {@code type}, whose value {@code value} holds. */
    static <T> PositionalParamSpec.Builder positional(Class<? super T> type, OptionValue<T> value) {
        return PositionalParamSpec.builder().type(type).getter(value).setter(value).scope(OWNED)
                .initialValue(value.value()).hasInitialValue(true);
    }

    /**
     * The scope of every argument: picocli asks only whether there is one, and applies the defaults of an
     * argument group's options only when there is ({@code Interpreter.applyGroupDefaults}).
     */
    private static final IScope OWNED = new OwnedScope();

    private static final class OwnedScope implements IScope {
        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) this;
        }

        @Override
        public <V> V set(V value) {
            throw new UnsupportedOperationException("the arguments' values are held by their OptionValue");
        }
    }
}
