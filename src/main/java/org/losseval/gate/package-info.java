/**
 * CI gates ({@code --fail-if EXPR}): parsing an expression into a {@link org.losseval.gate.Gate}, and judging a
 * figure's value against it. Knows figures only by name, through {@link org.losseval.gate.FigureLookup}; the
 * report decides which figures exist. No I/O, printing or picocli here.
 */
package org.losseval.gate;
