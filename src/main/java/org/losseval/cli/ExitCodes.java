package org.losseval.cli;

/**
 * The documented exit codes, and the pure function that picks one. The same list is shown by
 * {@code --help}, the man page and the README.
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int SUCCESS = 0;
    public static final int GATE_FAILED = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int INTERNAL = 70;

    /** The lines of the help's exit-code section, "code:meaning". */
    public static final String[] HELP = {
        "0:success",
        "1:a --fail-if gate failed",
        "2:usage error (unknown option, loss or parameter, bad value)",
        "3:input, output or data error (unreadable file, missing column, invalid value, no usable rows, a failed "
                + "write, not enough memory)",
        "70:internal error (a bug: please report it, with --debug output)"
    };

    /** The exit code of an outcome. */
    public static int of(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> SUCCESS;
            case GATE_FAILED -> GATE_FAILED;
            case USAGE_ERROR -> USAGE;
            case INPUT_ERROR, OUTPUT_ERROR, OUT_OF_MEMORY -> INPUT;
            case INTERNAL_ERROR -> INTERNAL;
        };
    }
}
