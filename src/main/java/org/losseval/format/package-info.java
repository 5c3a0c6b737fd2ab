/**
 * Printers: render a {@link org.losseval.report.Report} as a table, JSON, CSV or Markdown. They only
 * render; all numbers are formatted here, with {@link java.util.Locale#ROOT}. No imports of io, loss
 * computation, kernels or picocli.
 */
package org.losseval.format;
