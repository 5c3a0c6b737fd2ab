/**
 * Kernels: per-batch computations over primitive arrays, a scalar reference and a Vector API
 * implementation chosen once, on first use, by {@link org.losseval.kernel.Kernels}. Only
 * {@code VectorRegressionKernels} imports {@code jdk.incubator.vector}; {@code VectorModule} loads that
 * module at run time so the JVM prints no incubator warning. Must not import io, report, format or
 * picocli, and prints nothing.
 */
package org.losseval.kernel;
