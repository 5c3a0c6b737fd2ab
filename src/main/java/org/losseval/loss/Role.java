package org.losseval.loss;

/**
 * An input a loss reads, given on the command line by the option of the same name. A single role names
 * one column; a group role names a group of columns (class logits, an embedding, negative similarities).
 */
public enum Role {
    PRED("--pred", false, "predictions (or probabilities, or scores)"),
    TARGET("--target", false, "targets (values, or integer class labels)"),
    LOGITS("--logits", true, "logits: one column for binary losses, one per class otherwise"),
    PROBS("--probs", true, "class probabilities, one column per class"),
    TARGET_PROBS("--target-probs", true, "a target distribution, one column per class"),
    TEACHER_LOGITS("--teacher-logits", true, "a teacher's logits, one column per class"),
    ANCHOR("--anchor", true, "anchor embeddings"),
    POSITIVE("--positive", true, "positive embeddings"),
    NEGATIVE("--negative", true, "negative embeddings"),
    X1("--x1", true, "first embeddings of a pair"),
    X2("--x2", true, "second embeddings of a pair"),
    DISTANCE("--distance", false, "distances of pairs"),
    SIM_POS("--sim-pos", false, "similarity to the positive"),
    SIM_NEG("--sim-neg", true, "similarities to the negatives");

    private final String option;
    private final boolean group;
    private final String meaning;

    Role(String option, boolean group, String meaning) {
        this.option = option;
        this.group = group;
        this.meaning = meaning;
    }

    /** The command-line option that names the column(s) for this role. */
    public String option() { return option; }

    /**
     * The role's name in reports (the JSON {@code columns} object, the report's column list): the enum
     * constant in lower case, {@code target_probs}, {@code sim_neg}. Declared here, not cut from the option
     * text, so renaming an option cannot change the JSON schema.
     */
    public String reportName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Whether the role takes a group of columns rather than one. */
    public boolean group() { return group; }

    public String meaning() { return meaning; }
}
