package org.losseval.accumulate;

/**
 * Bytes that are not a state this build can decode ({@link StateCodec}): another magic number, format
 * version, configuration fingerprint or layout. The message says which, in one line.
 */
public final class StateFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateFormatException(String message) {
        super(message);
    }
}
