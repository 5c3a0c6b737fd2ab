package org.losseval.loss.math;

/**
 * InfoNCE loss of one row (van den Oord et al. 2018; the loss of SimCLR, MoCo and CLIP) from a
 * positive similarity s⁺ and k negative similarities s⁻_j with temperature τ:
 * <pre>
 *   loss = −log( exp(s⁺/τ) / (exp(s⁺/τ) + Σ_j exp(s⁻_j/τ)) ) = logsumexp([s⁺, s⁻_1, …, s⁻_k]/τ) − s⁺/τ
 * </pre>
 * The positive is part of the denominator, as in every implementation (the seed's formula shows only the
 * negatives there): it is {@code F.cross_entropy} over the concatenated logits with label 0, and this
 * class computes it with {@link LogSoftmax}, so a small τ (0.07) with similarities near 1 neither
 * overflows nor loses the small loss of an easy row.
 */
public final class InfoNce {
    private InfoNce() {}

    /**
     * @param similarities {@code similarities[0][row]} is s⁺, {@code similarities[j][row]} for j ≥ 1 the
     *                     negatives
     * @param temperature  τ &gt; 0
     */
    public static double of(double[][] similarities, int row, double temperature) {
        double scale = 1 / temperature;
        int k = LogSoftmax.argmax(similarities, row);
        double rest = LogSoftmax.rest(similarities, row, k, scale);
        return -LogSoftmax.logProbability(similarities, row, 0, k, rest, scale);
    }
}
