/**
 * Losses: one small class per loss with its scalar formula, and the registry that parses
 * {@code name:key=value} specs. Must not import io, report, format or picocli.
 */
package org.losseval.loss;
