package org.losseval.spark;

import java.io.Serializable;
import org.losseval.io.InputException;

/**
 * What one partition sends the driver: its states ({@link org.losseval.app.PartialRun#encode}), or the first
 * data error it met (an invalid value under the default policy), with where it was, so the driver can report
 * the error the command line would: the first in reading order (input, then row).
 */
record PartResult(byte[] state, int errorInput, String file, long line, long row, String column, String detail)
        implements Serializable {

    static PartResult ofState(byte[] state) {
        return new PartResult(state, -1, null, 0, 0, null, null);
    }

    static PartResult ofError(int input, InputException e) {
        return new PartResult(null, input, e.file(), e.line(), e.row(), e.column(), e.detail());
    }

    boolean failed() { return state == null; }

    InputException error() {
        return InputException.atLine(file, line, row, column, detail);
    }
}
