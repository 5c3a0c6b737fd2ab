/**
 * Mergeable states, in one shape ({@link org.losseval.accumulate.MergeableState}): an empty state is the
 * identity, {@code accept} adds a batch view, {@code combine} adds another state (checking compatibility
 * before it changes anything), and {@code result} reads the figures without changing the state. States
 * keep sufficient statistics (exact sums, counts, bounded heaps and summaries), never means, so chunks,
 * files, groups and Spark partitions merge with the same code. States are single-threaded and start no
 * threads: the caller owns parallelism. They produce the result records of {@code org.losseval.report};
 * no I/O, printing, picocli or app code here.
 */
package org.losseval.accumulate;
