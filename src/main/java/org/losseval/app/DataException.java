package org.losseval.app;

import org.losseval.io.InputException;

/**
 * An input or data error met while evaluating: an unreadable file, a missing column, a malformed record,
 * an invalid value under the default policy, no usable rows. Exit code 3.
 *
 * <p>The evaluator's callers see this type rather than the reader's own exception, so the command line
 * depends on {@code app} alone and not on {@code io}. {@link #getMessage()} is the reader's one-line message
 * unchanged: {@code file:line: column 'x': what was wrong} (see {@link InputException}).
 */
public final class DataException extends Exception {
    public DataException(InputException cause) {
        super(cause.getMessage(), cause);
    }
}
