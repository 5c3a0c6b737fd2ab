package org.losseval.gate;

/** A {@code --fail-if} expression that cannot be parsed (a usage error); the message is one line. */
public class GateSyntaxException extends Exception {
    public GateSyntaxException(String message) { super(message); }
}
