/**
 * Kernels: per-batch computations over primitive arrays (regression and classification), each a scalar
 * reference and a Vector API implementation that gives the same bits, chosen once, on first use, by
 * {@link org.losseval.kernel.Kernels}. exp, log and log1p come from {@link org.losseval.kernel.KernelMath}
 * so that the vector code can repeat them lane by lane. Only the {@code Vector*} classes import
 * {@code jdk.incubator.vector}; {@code VectorModule} loads that module at run time so the JVM prints no
 * incubator warning. Must not import io, report, format or picocli, and prints nothing.
 */
package org.losseval.kernel;
