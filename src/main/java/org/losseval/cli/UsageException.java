package org.losseval.cli;

/** A usage error found after picocli parsed the options (a bad loss spec, delimiter or precision): exit 2. */
final class UsageException extends Exception {
    UsageException(String message) { super(message); }
}
