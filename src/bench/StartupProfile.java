import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a short losseval run spends its main thread: runs {@code Cli.run} (as {@code Main} does) while a
 * second thread takes the main thread's stack every 0.2 ms, and appends the samples to a file, one line per
 * sample, outermost frame first, frames separated by ';' (the "collapsed stacks" of flame-graph tools).
 * A sampler sees the main thread only at safepoints, so shares are approximate; run it several times and
 * add the files up (the figures in README.md are 15 runs). Not part of losseval: a bench tool, with the
 * JVM flags of the launcher and a start-up archive of its own (see README.md, "Start-up").
 *
 * <pre>
 * javac -cp losseval.jar -d DIR StartupProfile.java &amp;&amp; jar cf profile.jar -C DIR .
 * java -XX:+UseSerialGC -XX:-UsePerfData -Dprofile.out=stacks.txt -cp profile.jar:losseval.jar \
 *     StartupProfile eval examples/houses.csv -p pred -t target -l mse
 * </pre>
 */
public final class StartupProfile {
    private static volatile boolean stop;

    private StartupProfile() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String out = System.getProperty("profile.out", "startup-stacks.txt");
        Thread main = Thread.currentThread();
        List<StackTraceElement[]> samples = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            while (!stop) {
                samples.add(main.getStackTrace());
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        sampler.start();
        int code = org.losseval.cli.Cli.run(args, System.in, new FileOutputStream(FileDescriptor.out), err, false);
        stop = true;
        sampler.join();
        try (PrintWriter w = new PrintWriter(new FileWriter(out, StandardCharsets.UTF_8, true))) {
            for (StackTraceElement[] stack : samples) {
                StringBuilder line = new StringBuilder();
                for (int i = stack.length - 1; i >= 0; i--) {
                    if (stack[i].getClassName().equals(StartupProfile.class.getName())) continue;
                    line.append(stack[i].getClassName()).append('.').append(stack[i].getMethodName()).append(';');
                }
                if (line.length() > 0) w.println(line.substring(0, line.length() - 1));
            }
        }
        System.exit(code);
    }
}
