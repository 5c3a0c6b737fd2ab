/**
 * The evaluator: runs the flow sources → batches → validation → kernels → states → report for a plain
 * {@link org.losseval.app.EvalRequest}. No picocli and no printing here.
 */
package org.losseval.app;
