package org.losseval.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    private final Map<Role, String> roles = new EnumMap<>(Role.class);
    private String weight;

    /** One option per role, in the order of the {@link Role} table, then {@code -w, --weight}. */
    List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>();
        for (Role role : Role.values()) {
            options.add(option(role.optionNames().toArray(new String[0]), role.paramLabel(), role.help(),
                    () -> roles.get(role), value -> {
                        if (value == null) roles.remove(role); else roles.put(role, value);
                    }));
        }
        options.add(option(new String[] {"-w", "--weight"}, "COL", WEIGHT_HELP, () -> weight, value -> weight = value));
        return options;
    }

    /** For each role given, its column or group spec as typed. */
    Map<Role, String> roles() { return Collections.unmodifiableMap(new EnumMap<>(roles)); }

    /** The sample-weight column, or null. */
    String weight() { return weight; }

    private OptionSpec option(String[] names, String label, String help, Supplier<String> get, Consumer<String> set) {
        return ArgBinding.option(this, String.class, get, set, names).paramLabel(label)
                // Picocli reads descriptions as format strings.
                .description(help.replace("%", "%%"))
                .build();
    }
}
