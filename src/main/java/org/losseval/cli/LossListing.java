package org.losseval.cli;

import java.util.ArrayList;
import java.util.List;
import org.losseval.loss.LossDefinition;
import org.losseval.loss.ParamDefinition;

/** How a loss and its parameters are written in {@code losseval losses} and the man page. */
final class LossListing {
    private LossListing() {}

    /** "mae (alias l1)". */
    static String headline(LossDefinition loss) {
        StringBuilder sb = new StringBuilder(loss.name());
        if (!loss.aliases().isEmpty()) sb.append(" (alias ").append(String.join(", ", loss.aliases())).append(')');
        return sb.toString();
    }

    /** The lines under the headline: meaning, formula and convention, then one line per parameter. */
    static List<String> details(LossDefinition loss) {
        List<String> lines = new ArrayList<>();
        lines.add(loss.summary());
        lines.add("per row: " + loss.formula() + (loss.convention().isEmpty() ? "" : "  [" + loss.convention() + "]"));
        for (ParamDefinition param : loss.params()) lines.add(param(param));
        return lines;
    }

    /** "delta: default 1, > 0 or 'mad'; where the loss turns from quadratic to linear". */
    static String param(ParamDefinition param) {
        String domain = param.domain() + (param.deferredWord() == null ? "" : " or '" + param.deferredWord() + "'");
        return param.name() + ": default " + param.defaultText() + (param.list() ? " (a list: [a,b,...])" : "") + ", " + domain + "; " + param.description();
    }
}
