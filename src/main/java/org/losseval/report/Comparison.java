package org.losseval.report;

/** The comparison of a gate: the figure must satisfy {@code value OP threshold} for the gate to pass. */
public enum Comparison {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    Comparison(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    /** Whether {@code value OP threshold} holds; false whenever either side is NaN. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case LESS -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
            case GREATER -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
        };
    }

    /** The comparison written as {@code symbol}, or null. */
    public static Comparison ofSymbol(String symbol) {
        for (Comparison c : values()) if (c.symbol.equals(symbol)) return c;
        return null;
    }
}
