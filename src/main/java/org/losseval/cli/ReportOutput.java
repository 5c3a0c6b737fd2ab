package org.losseval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.losseval.format.OutputFormat;
import org.losseval.format.Printer;
import org.losseval.report.Report;

/**
 * Where and how the report is written: the printer for {@code --format} and {@code --precision}, and the
 * {@code -o} file, or stdout.
 *
 * @param format    the format asked for
 * @param precision the significant digits asked for, or null for the format's default
 * @param printer   the printer for both, made before any data is read so a bad precision fails first
 * @param file      the {@code -o} file, or null for stdout
 */
record ReportOutput(OutputFormat format, Integer precision, Printer printer, Path file) {
    boolean toStdout() { return file == null; }

    /** Prints the report to {@code stdout} or, atomically, to the file. */
    void write(Report report, PrintWriter stdout) throws ReportFile.WriteException {
        if (toStdout()) {
            printer.print(report, stdout);
            stdout.flush();
        } else {
            ReportFile.write(file, out -> printer.print(report, out));
        }
    }
}
