package org.losseval.io;

import java.util.Arrays;
import java.util.List;
import org.losseval.batch.ColumnBatch;

/**
 * A tiny program run in a child JVM by {@link SourceIsolationTest}: reads every batch of one input and
 * prints nothing, so that whatever appears on stdout (class-loading logs) or stderr comes from elsewhere.
 *
 * <p>Arguments: the input name, then the columns to read.
 */
public final class SourceProbe {
    private SourceProbe() {}

    public static void main(String[] args) throws Exception {
        List<String> columns = Arrays.asList(args).subList(1, args.length);
        long rows = 0;
        try (Source source = Sources.open(args[0], System.in, SourceOptions.of(columns))) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) rows += batch.size();
        }
        if (rows == 0) System.exit(4);
    }
}
