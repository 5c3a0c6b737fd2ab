/**
 * The evaluator: runs the flow sources → batches → validation → kernels → states → report for a plain
 * {@link org.losseval.app.EvalRequest}, and with {@code --rows-out} a second pass that writes every row
 * ({@link org.losseval.app.RowsOutPass}). {@link org.losseval.app.ReplacingFile} is how every output file is
 * written (a temporary file renamed at the end), for {@code cli}'s {@code -o} too. No picocli and no printing here.
 */
package org.losseval.app;
