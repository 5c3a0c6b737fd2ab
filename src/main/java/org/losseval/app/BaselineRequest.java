package org.losseval.app;

/**
 * The baseline a run compares the candidate with, in the same rows (--baseline-pred and its siblings), and
 * how the comparison's intervals are computed. Null in {@link EvalRequest} when the run compares nothing.
 * (Skeleton: the comparison work fills in its components.)
 */
public record BaselineRequest() {
}
