package org.losseval.app;

/**
 * A file the run writes could not be written ({@code --rows-out}): a full disk, a missing directory, no
 * permission. Exit code 3, like an unreadable input. The message is one line naming the file as the user
 * gave it: {@code cannot write 'rows.csv': No space left on device} ({@link ReplacingFile#describe}).
 */
public final class OutputException extends Exception {
    OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
