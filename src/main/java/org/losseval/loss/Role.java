package org.losseval.loss;

import java.util.List;

/**
 * An input a loss reads, given on the command line by the option of the same name. A single role names
 * one column; a group role names a group of columns (class logits, an embedding, negative similarities).
 *
 * <p>This table is the one listing of the role options: the command line builds each option from its row
 * (names, {@link #paramLabel()}, {@link #help()}), so adding a role here adds its option, its help line, its
 * man-page entry and its shell completion.
 */
public enum Role {
    PRED("--pred", "-p", false, "predictions (or probabilities, or scores)", "The prediction column."),
    TARGET("--target", "-t", false, "targets (values, or integer class labels)", "The target column."),
    LOGITS("--logits", null, true, "logits: one column for binary losses, one per class otherwise",
            "Logits: one column for binary losses (bce, focal), one per class otherwise (ce, kl, "
                    + "focal_multiclass, multi_margin, distillation). COLS is a comma list, a range (l0..l9), a glob "
                    + "(logit_*), a Parquet list column, or a mix."),
    PROBS("--probs", null, true, "class probabilities, one column per class",
            "Class probabilities, one column per class (ce, kl)."),
    TARGET_PROBS("--target-probs", null, true, "a target distribution, one column per class",
            "A target distribution, one column per class: dense or soft targets for ce, the target of kl."),
    TEACHER_LOGITS("--teacher-logits", null, true, "a teacher's logits, one column per class",
            "A teacher's logits, for distillation."),
    ANCHOR("--anchor", null, true, "anchor embeddings", "Anchor embeddings, for triplet."),
    POSITIVE("--positive", null, true, "positive embeddings", "Positive embeddings, for triplet."),
    NEGATIVE("--negative", null, true, "negative embeddings", "Negative embeddings, for triplet."),
    X1("--x1", null, true, "first embeddings of a pair", "First embeddings of a pair, for contrastive."),
    X2("--x2", null, true, "second embeddings of a pair", "Second embeddings of a pair, for contrastive."),
    DISTANCE("--distance", null, false, "distances of pairs", "Distances of pairs, for contrastive."),
    SIM_POS("--sim-pos", null, false, "similarity to the positive", "Similarity to the positive, for infonce."),
    SIM_NEG("--sim-neg", null, true, "similarities to the negatives", "Similarities to the negatives, for infonce."),
    VAR("--var", null, false, "predicted variances", "Predicted variances of a Gaussian, for gaussian_nll."),
    STD("--std", null, false, "predicted standard deviations",
            "Predicted standard deviations of a Gaussian, for gaussian_nll (squared to the variance).");

    private final String option;
    private final String shortOption;
    private final boolean group;
    private final String meaning;
    private final String help;

    Role(String option, String shortOption, boolean group, String meaning, String help) {
        this.option = option;
        this.shortOption = shortOption;
        this.group = group;
        this.meaning = meaning;
        this.help = help;
    }

    /** The command-line option that names the column(s) for this role. */
    public String option() { return option; }

    /** Every name of the option, the short one first: {@code [-p, --pred]}, {@code [--logits]}. */
    public List<String> optionNames() {
        return shortOption == null ? List.of(option) : List.of(shortOption, option);
    }

    /**
     * The role's name in reports (the JSON {@code columns} object, the report's column list): the enum
     * constant in lower case, {@code target_probs}, {@code sim_neg}. Declared here, not cut from the option
     * text, so renaming an option cannot change the JSON schema.
     */
    public String reportName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Whether the role takes a group of columns rather than one. */
    public boolean group() { return group; }

    /** What the option's value names in help: {@code COLS} for a group role, {@code COL} for a single one. */
    public String paramLabel() { return group ? "COLS" : "COL"; }

    public String meaning() { return meaning; }

    /** The option's description in {@code --help} and the man page: what the column holds and who reads it. */
    public String help() { return help; }
}
