package org.losseval.accumulate;

/**
 * The shape every state of this package has, after Apache Commons Statistics' accumulators: rows go in
 * with {@code accept}, states add up with {@link #combine}, figures come out with {@link #result}.
 *
 * <ul>
 *   <li><b>Empty is the identity.</b> A new state has seen no rows, and combining with one changes no
 *       figure: {@code empty.combine(x)} and {@code x.combine(empty)} both give {@code x}'s result.</li>
 *   <li><b>{@code accept} takes a batch view</b>: the arrays of one batch that the state reads, rows
 *       {@code [0, n)}. Each state documents its view (a record where there are many arrays); the
 *       signature differs per state, so it is not part of this interface.</li>
 *   <li><b>{@link #combine} checks before it changes anything.</b> A state of another loss, parameters,
 *       weighting or settings is refused with {@link IllegalArgumentException}, and this state is then
 *       exactly as it was. The other state is never changed. Combining is exact: however the rows were
 *       split into states and in whatever order or tree shape the states were combined, the result is the
 *       same, bit for bit, as one state that accepted every row (states keep exact sums, counts, bounded
 *       heaps with a total order and summaries with integer sums, never means).</li>
 *   <li><b>{@link #result} only reads.</b> It can be called any number of times, and {@code accept} and
 *       {@code combine} may follow it.</li>
 * </ul>
 *
 * <p>States are <b>single-threaded</b> and start no threads: the caller owns parallelism. Chunks of a file,
 * Parquet row groups, the groups of a {@code --group-by} and Spark partitions each get a state of their
 * own, and the caller combines them. {@code StateContractTest} holds every state to this contract.
 *
 * @param <S> the state's own type, the only one it combines with
 * @param <R> the result record it produces (most live in {@code org.losseval.report})
 */
public interface MergeableState<S extends MergeableState<S, R>, R> {

    /**
     * Adds the rows of another compatible state to this one; {@code other} is not changed.
     *
     * @throws IllegalArgumentException when {@code other} is not compatible; this state is then unchanged
     */
    void combine(S other);

    /** The figures of every row accepted or combined so far; does not change the state. */
    R result();
}
