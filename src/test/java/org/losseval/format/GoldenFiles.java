package org.losseval.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.losseval.report.Report;

/** Reads expected output from src/test/resources/format/ and renders reports to strings. */
final class GoldenFiles {
    private GoldenFiles() {}

    static String read(String name) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/format/" + name)) {
            if (in == null) throw new IOException("no test resource /format/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String render(Printer printer, Report report) {
        StringWriter text = new StringWriter();
        printer.print(report, new PrintWriter(text));
        return text.toString();
    }
}
