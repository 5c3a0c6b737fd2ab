package org.losseval.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli's getter and setter of one option or positional parameter built without annotations, over a field of
 * an options object. {@code eval}'s options are built so ({@link EvalCommand#commandLine}): picocli's reflective
 * walk over annotated fields (each annotation parsed and given a proxy class, the class hierarchy scanned for
 * {@code @Command} methods) was about half of a three-row run's main thread (src/bench/README.md, start-up).
 *
 * <p>What the annotation path did for free is done here: the field's value when the option is built is its
 * initial value (shown by {@code ${DEFAULT-VALUE}} when the option has no {@code defaultValue}), and the argument's
 * scope is the options object, since picocli applies the defaults of an argument group's options only when that
 * scope is not null ({@code Interpreter.applyGroupDefaults}).
 */
final class ArgBinding<T> implements IGetter, ISetter {
    private final Supplier<T> get;
    private final Consumer<T> set;

    private ArgBinding(Supplier<T> get, Consumer<T> set) {
        this.get = get;
        this.set = set;
    }

    /** An option named {@code names}, of {@code type}, held by {@code owner} through {@code get} and {@code set}. */
    static <T> OptionSpec.Builder option(Object owner, Class<? super T> type, Supplier<T> get, Consumer<T> set,
            String... names) {
        ArgBinding<T> binding = new ArgBinding<>(get, set);
        // (picocli's common builder type is not public, so the two builders are bound alike, each on its own.)
        return OptionSpec.builder(names).type(type).getter(binding).setter(binding).scope(new OwnerScope(owner))
                .initialValue(get.get()).hasInitialValue(true);
    }

    /** A positional parameter of {@code type}, held by {@code owner} through {@code get} and {@code set}. */
    static <T> PositionalParamSpec.Builder positional(Object owner, Class<? super T> type, Supplier<T> get,
            Consumer<T> set) {
        ArgBinding<T> binding = new ArgBinding<>(get, set);
        return PositionalParamSpec.builder().type(type).getter(binding).setter(binding).scope(new OwnerScope(owner))
                .initialValue(get.get()).hasInitialValue(true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
        return (V) get.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
        V previous = get();
        set.accept((T) value);
        return previous;
    }

    /** The object that holds an argument's field; picocli only asks whether there is one. */
    private static final class OwnerScope implements IScope {
        private final Object owner;

        OwnerScope(Object owner) {
            this.owner = owner;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) owner;
        }

        @Override
        public <V> V set(V value) {
            throw new UnsupportedOperationException("the options object of an argument is fixed");
        }
    }
}
