package org.losseval.cli;

import java.util.ArrayList;
import java.util.List;
import org.losseval.gate.Gate;
import org.losseval.gate.GateExpression;
import org.losseval.gate.GateSyntaxException;
import picocli.CommandLine.Model.OptionSpec;

/** The CI gates, {@code --fail-if}. */
final class GateOptions {
    static final String HEADING = "%nGates:%n";

    final OptionValue<List<String>> gates = new OptionValue<>(null);

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(List.class, gates, "--fail-if")
                        .auxiliaryTypes(String.class).paramLabel("EXPR")
                        .description("A CI gate (repeatable): FIGURE OP NUMBER with OP one of < <= > >=, e.g. "
                                + "'mse > 200', 'share_top1[mse] > 0.5', 'coverage[p10:p90] < 0.75'. The run exits with "
                                + "code 1 when any gate's comparison holds, or its figure is missing or not finite. See "
                                + "FIGURES in the man page.")
                        .build());
    }

    List<Gate> gates() throws UsageException {
        List<Gate> parsed = new ArrayList<>();
        for (String text : gates.value() == null ? List.<String>of() : gates.value()) {
            try {
                parsed.add(GateExpression.parse(text));
            } catch (GateSyntaxException e) {
                throw new UsageException("--fail-if '" + text + "': " + e.getMessage());
            }
        }
        return parsed;
    }
}
