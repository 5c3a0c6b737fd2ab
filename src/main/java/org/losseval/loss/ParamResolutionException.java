package org.losseval.loss;

/**
 * A deferred parameter (such as {@code huber:delta=mad}) that the data cannot resolve: a data error,
 * not a usage error, since the same spec works on other data. The message is one line.
 *
 * <p>Unchecked because {@link DeferredLoss#resolve} predates it; callers that resolve deferred losses
 * should catch it and report it as an input/data error.
 */
public class ParamResolutionException extends RuntimeException {
    public ParamResolutionException(String message) { super(message); }
}
