package org.losseval.format;

import java.io.PrintWriter;
import org.losseval.report.Report;

/** Renders a report in one output format. A printer only renders: it computes nothing. */
public interface Printer {
    void print(Report report, PrintWriter out);
}
