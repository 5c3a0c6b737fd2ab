package org.losseval.loss;

/**
 * A loss with a parameter that is known only after the data has been seen, such as
 * {@code huber:delta=mad}, whose delta is the median absolute deviation of the residuals.
 */
public interface DeferredLoss extends Loss {

    /**
     * The loss with its parameter resolved from the residuals (pred - target) of all used rows. The
     * resolved loss must depend on the residual only, since it is evaluated on kept residuals.
     *
     * @throws ParamResolutionException when the data gives no valid value (e.g. a MAD of 0): a data error
     */
    RegressionLoss resolve(ResidualScale scale);

    /** The parameter resolved from the data, e.g. "delta". */
    String deferredParam();
}
