package org.losseval.archfixture.io;

/** A leaf: depends on nothing of the fixture tree. */
public final class InputError extends RuntimeException {
    public InputError(String message) {
        super(message);
    }
}
