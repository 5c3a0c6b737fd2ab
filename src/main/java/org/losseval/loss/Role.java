package org.losseval.loss;

/** An input a loss reads, given on the command line by the option of the same name. */
public enum Role {
    PRED("--pred"),
    TARGET("--target");

    private final String option;

    Role(String option) { this.option = option; }

    /** The command-line option that names the column(s) for this role. */
    public String option() { return option; }
}
