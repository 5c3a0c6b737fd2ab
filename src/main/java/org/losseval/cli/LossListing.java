package org.losseval.cli;

import java.math.BigDecimal;
import org.losseval.loss.LossDefinition;
import org.losseval.loss.ParamDefinition;

/** How a loss and its parameters are written in {@code losseval losses} and the man page. */
final class LossListing {
    private LossListing() {}

    /** "mae (alias l1)" or "huber:delta". */
    static String headline(LossDefinition loss) {
        StringBuilder sb = new StringBuilder(loss.name());
        if (!loss.aliases().isEmpty()) sb.append(" (alias ").append(String.join(", ", loss.aliases())).append(')');
        return sb.toString();
    }

    /** "delta = 1 (> 0, or 'mad'): the residual where the loss turns from quadratic to linear". */
    static String param(ParamDefinition param) {
        String domain = param.domain() + (param.deferredWord() == null ? "" : ", or '" + param.deferredWord() + "'");
        return param.name() + " = " + BigDecimal.valueOf(param.defaultValue()).stripTrailingZeros().toPlainString()
                + " (" + domain + "): " + param.description();
    }
}
