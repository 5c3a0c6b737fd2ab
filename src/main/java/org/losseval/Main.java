package org.losseval;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.losseval.cli.Cli;

/** The entry point: the only place that touches the process's standard streams and exit status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // stdout unwrapped (System.out would swallow write errors); Cli buffers it and notices a failed write.
        // A stream closed at launch fails on first use, in words (StandardStreams).
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        InputStream stdin = StandardStreams.closedAtLaunch(0) ? StandardStreams.closedStdin() : System.in;
        OutputStream stdout = StandardStreams.closedAtLaunch(1) ? StandardStreams.closedStdout()
                : new FileOutputStream(FileDescriptor.out);
        int code = Cli.run(args, stdin, stdout, err, StandardStreams.stderrShowsProgress(System.getenv("TERM")));
        System.exit(code);
    }
}
