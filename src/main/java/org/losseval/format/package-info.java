/**
 * Printers: render a {@link org.losseval.report.Report} as a table ({@link org.losseval.format.TablePrinter}),
 * JSON ({@link org.losseval.format.JsonPrinter}, schema in {@code docs/json-schema.md}), CSV
 * ({@link org.losseval.format.CsvPrinter}), Markdown ({@link org.losseval.format.MarkdownPrinter}) or JUnit
 * XML ({@link org.losseval.format.JunitPrinter}), chosen by
 * {@link org.losseval.format.OutputFormat#printer(Integer)}. They only render; every number is formatted by
 * {@link org.losseval.text.Numbers}, independent of the default locale. No imports of io, loss
 * computation, kernels, states ({@code accumulate}) or picocli: every record a printer reads is in {@code report}.
 * Figures are named by {@link org.losseval.report.FigureNames}, the names gates use. Printers write '\n'
 * line ends (CSV: CRLF) and expect the caller's writer to encode UTF-8.
 */
package org.losseval.format;

import org.losseval.text.Numbers;
