package org.losseval.app;

/** A request that cannot be run whatever the data: a loss without its inputs. A usage error (exit 2). */
public final class InvalidRequestException extends Exception {
    public InvalidRequestException(String message) { super(message); }
}
