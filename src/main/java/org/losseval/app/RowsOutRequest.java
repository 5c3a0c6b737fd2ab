package org.losseval.app;

import java.nio.file.Path;

/**
 * Where --rows-out writes the per-row output. Null in {@link EvalRequest} without --rows-out.
 * (Skeleton: the per-row output work fills in its rules.)
 *
 * @param path the file to write; its extension chooses the format
 */
public record RowsOutRequest(Path path) {
}
