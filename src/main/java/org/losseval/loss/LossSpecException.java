package org.losseval.loss;

/** A loss spec that cannot be parsed: an unknown loss or parameter, or a value outside its domain (a usage error). */
public class LossSpecException extends Exception {
    public LossSpecException(String message) { super(message); }
}
