package org.losseval.cli;

import java.util.List;
import org.losseval.app.GroupingRequest;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Per-group figures: --group-by and the group limits. The values are checked once, by
 * {@link GroupingRequest}, whose messages name these options.
 */
final class GroupOptions {
    static final String HEADING = "%nGroups:%n";

    final OptionValue<List<String>> groupBy = new OptionValue<>(null);
    final OptionValue<Long> minGroupRows = new OptionValue<>(0L);
    final OptionValue<Long> maxGroups = new OptionValue<>(0L);

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(List.class, groupBy, "--group-by")
                        .auxiliaryTypes(String.class).paramLabel("COL")
                        .description("Report every figure per group: the rows sharing a value of COL (repeatable: groups "
                                + "are the combinations of values that occur). COL is read as text (an empty cell or a "
                                + "null is the empty value, never dropped); 'file' is each input's name, and a key=value "
                                + "directory of a Hive-style path is a column 'key' (a real column of that name wins). "
                                + "Each group keeps its own states, about 12 KiB per loss (19 KiB with --weight): 10,000 "
                                + "groups with two losses take about 250 MB.")
                        .build(),
                ArgBinding.option(long.class, minGroupRows, "--min-group-rows")
                        .paramLabel("N").defaultValue("30")
                        .description("Groups with fewer rows are listed but not ranked (nor the worst group). "
                                + "Default: ${DEFAULT-VALUE}.")
                        .build(),
                ArgBinding.option(long.class, maxGroups, "--max-groups")
                        .paramLabel("N").defaultValue("10000")
                        .description("Fail (exit 3) rather than track more groups than this (at most 1000000). "
                                + "Default: ${DEFAULT-VALUE}.")
                        .build());
    }

    /** The grouping, or null without --group-by. */
    GroupingRequest grouping() throws UsageException {
        if (groupBy.value() == null || groupBy.value().isEmpty()) return null;
        try {
            return new GroupingRequest(groupBy.value(), minGroupRows.value(), maxGroups.value());
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }
}
