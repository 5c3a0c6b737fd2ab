package org.losseval.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * What both Vector API kernel families share: the species (vector shape) they run on, the rule that arrays
 * shorter than twice the lane count stay scalar, loading, and the description for {@code --version}.
 */
abstract class VectorKernelBase {
    final VectorSpecies<Double> species;
    final int lanes;
    private final int minVectorLength;

    VectorKernelBase(VectorSpecies<Double> species) {
        this.species = species;
        this.lanes = species.length();
        this.minVectorLength = 2 * lanes;
    }

    /** The species of a vector size in bits (64 to 512), so tests need not import the Vector API. */
    static VectorSpecies<Double> speciesOfBitSize(int bits) {
        return VectorSpecies.of(double.class, VectorShape.forBitSize(bits));
    }

    /**
     * Checks the preferred shape is worth vectorizing.
     *
     * @throws UnsupportedOperationException if a vector holds fewer than two doubles
     */
    static <K extends VectorKernelBase> K requireTwoLanes(K kernels) {
        if (kernels.lanes < 2) throw new UnsupportedOperationException("the preferred vector shape holds one double");
        return kernels;
    }

    public String description() {
        return "vector (" + species.vectorBitSize() + "-bit, " + lanes + " doubles)";
    }

    /** End of the part done with full vectors: 0 when n is too short to be worth it. */
    final int vectorEnd(int n) {
        return n >= minVectorLength ? species.loopBound(n) : 0;
    }

    final DoubleVector load(double[] array, int i) {
        return DoubleVector.fromArray(species, array, i);
    }
}
