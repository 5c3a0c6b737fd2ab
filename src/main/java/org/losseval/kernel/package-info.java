/**
 * Kernels: per-batch computations over primitive arrays, a scalar reference and a Vector API
 * implementation chosen once at start-up. Only the vector implementation imports
 * {@code jdk.incubator.vector}. Must not import io, report, format or picocli.
 */
package org.losseval.kernel;
