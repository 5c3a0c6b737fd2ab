/**
 * Mergeable states: an empty state is the identity, {@code accept} adds a batch, {@code combine} adds
 * another state (checking compatibility before it changes anything), and a result method reads the figure.
 * States keep sufficient statistics (exact sums, counts), never means, so chunks, files and, later, Spark
 * partitions merge with the same code. No I/O, printing or picocli here.
 */
package org.losseval.accumulate;
