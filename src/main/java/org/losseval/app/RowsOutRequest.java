package org.losseval.app;

import java.nio.file.Path;
import org.losseval.io.RowsFormat;

/**
 * Where {@code --rows-out} writes the per-row output ({@link RowsOutPass} says what and how). Null in
 * {@link EvalRequest} without --rows-out.
 *
 * @param path the file to write; its extension chooses the format ({@code .csv}, {@code .tsv}, either with
 *             {@code .gz}, {@code .parquet}); any other is refused here, before data is read
 */
public record RowsOutRequest(Path path) {
    public RowsOutRequest {
        RowsFormat.forFile(path);
    }

    RowsFormat format() { return RowsFormat.forFile(path); }
}
