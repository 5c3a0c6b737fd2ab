/**
 * Per-row math of the classification, distribution and embedding losses: pure static functions over
 * primitive arrays, with the conventions of PyTorch 1.13, torchvision and scikit-learn that each class
 * cites. No state, no allocation in the per-row and batch functions, no I/O.
 *
 * <p>Multi-column inputs are column-major, as batches store them: {@code cols[k][row]} is class (or
 * embedding dimension) {@code k} of row {@code row}, and the number of classes is {@code cols.length}.
 * Inputs are assumed finite and, where a function says so, already checked with {@link RowChecks}; the
 * functions do not validate again in the hot path.
 *
 * <p>Exp and log come from {@link java.lang.StrictMath} so that the same input gives the same bits on every
 * JVM and platform (DESIGN.md: a gate never flips between runs); {@code Math}'s intrinsics may differ by
 * an ulp between interpreter, JIT and CPU.
 *
 * <p>Must not import io, report, format, cli or app.
 */
package org.losseval.loss.math;
