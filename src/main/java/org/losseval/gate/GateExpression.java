package org.losseval.gate;

import org.losseval.report.Comparison;
import java.util.regex.Pattern;

/**
 * Parses {@code --fail-if} expressions into {@link Gate}s.
 *
 * <p>Grammar (spaces allowed around the operator and at both ends):
 * <pre>
 *   expr   := figure op number
 *   op     := '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 *   figure := name | name '[' arg ']'
 *   name   := a letter or '_', then letters, digits and _ - . : = , +
 *             (a figure name such as coverage, or a loss by spec or label: mse, huber:delta=15)
 *   arg    := any text without '[' or ']' (trimmed): a loss spec or label (share_top1[mse]),
 *             or lower:upper column names (coverage[p10:p90]); or one figure of that form, so that a
 *             comparison figure can name the figure it compares: delta[coverage[p10:p90]], delta[pinball[p90]]
 *   number := decimal with optional exponent: 0.5, -3, 1e-3, .25 (no NaN, no Infinity)
 * </pre>
 * The operator is the first '&lt;' or '&gt;' outside brackets: figure names never contain one, while a loss
 * spec may contain '=' ({@code huber:delta=15 <= 300}). Which figures exist is not decided here: see
 * {@link FigureLookup}.
 */
public final class GateExpression {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-.:=,+%]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String FORM = " (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')";

    private GateExpression() {}

    public static Gate parse(String text) throws GateSyntaxException {
        String expr = text.strip();
        if (expr.isEmpty()) throw new GateSyntaxException("empty gate expression" + FORM);
        int at = operatorIndex(expr);
        String left = expr.substring(0, at).strip();
        int opEnd = at + 1 < expr.length() && expr.charAt(at + 1) == '=' ? at + 2 : at + 1;
        String op = expr.substring(at, opEnd);
        String right = expr.substring(opEnd).strip();
        if (left.endsWith("=") || left.endsWith("!") || right.startsWith("<") || right.startsWith(">")
                || right.startsWith("=")) {
            throw new GateSyntaxException("gate '" + expr + "': unknown operator" + FORM);
        }
        if (left.isEmpty()) throw new GateSyntaxException("gate '" + expr + "': no figure before '" + op + "'" + FORM);
        if (right.isEmpty()) throw new GateSyntaxException("gate '" + expr + "': no number after '" + op + "'" + FORM);
        if (!NUMBER.matcher(right).matches()) {
            throw new GateSyntaxException("gate '" + expr + "': '" + right + "' is not a number" + FORM);
        }
        double threshold = Double.parseDouble(right);
        if (Double.isInfinite(threshold)) {
            throw new GateSyntaxException("gate '" + expr + "': '" + right + "' is out of range");
        }
        return new Gate(figure(expr, left), Comparison.ofSymbol(op), threshold);
    }

    /** The index of the first '<' or '>' outside brackets. */
    private static int operatorIndex(String expr) throws GateSyntaxException {
        int depth = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (depth == 0 && (c == '<' || c == '>')) return i;
        }
        if (depth != 0) throw new GateSyntaxException("gate '" + expr + "': unbalanced '[' ']'" + FORM);
        if (expr.contains("=")) throw new GateSyntaxException("gate '" + expr + "': unknown operator" + FORM);
        throw new GateSyntaxException("gate '" + expr + "': no comparison" + FORM);
    }

    /** Checks the figure and returns it in canonical form (argument trimmed). */
    private static String figure(String expr, String figure) throws GateSyntaxException {
        int open = figure.indexOf('[');
        String name = open < 0 ? figure : figure.substring(0, open);
        if (!NAME.matcher(name).matches()) {
            throw new GateSyntaxException("gate '" + expr + "': '" + figure + "' is not a figure name"
                    + " (a name such as mse, coverage[p10:p90] or share_top1[mse])");
        }
        if (open < 0) return name;
        // The bracket opened at 'open' must close at the end, holding at most one bracketed figure of its own.
        int depth = 0;
        for (int i = open; i < figure.length(); i++) {
            char c = figure.charAt(i);
            if (c == '[' && ++depth > 2 || c == ']' && --depth == 0 && i != figure.length() - 1) {
                throw new GateSyntaxException("gate '" + expr + "': '" + figure + "' must end with one [argument]");
            }
        }
        int close = figure.length() - 1;
        String arg = figure.substring(open + 1, close).strip();
        int inner = arg.indexOf('[');
        if (inner >= 0) arg = figure(expr, arg); // a figure as argument: checked, and trimmed, the same way
        if (arg.isEmpty()) throw new GateSyntaxException("gate '" + expr + "': empty [] in '" + figure + "'");
        return name + "[" + arg + "]";
    }
}
