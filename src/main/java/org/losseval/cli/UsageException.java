package org.losseval.cli;

/**
 * A usage error found after picocli parsed the options (a bad loss spec, delimiter, precision or setting):
 * exit 2, with the message as the one line on stderr.
 */
final class UsageException extends Exception {
    UsageException(String message) { super(message); }

    /** A value record refused a setting; its message already names the option. */
    static UsageException of(IllegalArgumentException refused) {
        return new UsageException(refused.getMessage());
    }
}
