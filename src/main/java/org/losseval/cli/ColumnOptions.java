package org.losseval.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.loss.Role;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The columns of each input role, one option per {@link Role} built from that table (names, label, help),
 * and the sample-weight column, added to the command's model from {@link #options}; each writes its value here.
 */
final class ColumnOptions {
    static final String HEADING = "%nColumn roles:%n";
    static final String WEIGHT_HELP = "A sample-weight column: every loss becomes the weighted mean sum(w*l)/sum(w) "
            + "(scikit-learn's sample_weight). Negative weights are invalid values.";

    private final Map<Role, OptionValue<String>> roles = new EnumMap<>(Role.class);
    private final OptionValue<String> weight = new OptionValue<>(null);

    /** One option per role, in the order of the {@link Role} table, then {@code -w, --weight}. */
    List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>();
        for (Role role : Role.values()) {
            OptionValue<String> column = new OptionValue<>(null);
            roles.put(role, column);
            options.add(option(role.optionNames().toArray(new String[0]), role.paramLabel(), role.help(), column));
        }
        options.add(option(new String[] {"-w", "--weight"}, "COL", WEIGHT_HELP, weight));
        return options;
    }

    /** For each role given, its column or group spec as typed. */
    Map<Role, String> roles() {
        Map<Role, String> given = new EnumMap<>(Role.class);
        for (Map.Entry<Role, OptionValue<String>> role : roles.entrySet()) {
            if (role.getValue().value() != null) given.put(role.getKey(), role.getValue().value());
        }
        return Collections.unmodifiableMap(given);
    }

    /** The sample-weight column, or null. */
    String weight() { return weight.value(); }

    private static OptionSpec option(String[] names, String label, String help, OptionValue<String> value) {
        return ArgBinding.option(String.class, value, names).paramLabel(label)
                // Picocli reads descriptions as format strings.
                .description(help.replace("%", "%%"))
                .build();
    }
}
