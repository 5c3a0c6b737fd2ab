package org.losseval.app;

/** What happens to a row with an invalid value (empty, unparsable, NaN, infinite, outside a loss's domain). */
public enum InvalidPolicy {
    /** The run stops with an input error naming file, row and column (the default). */
    FAIL,
    /** The row is skipped and counted under its reason ({@code --skip-invalid}). */
    SKIP
}
