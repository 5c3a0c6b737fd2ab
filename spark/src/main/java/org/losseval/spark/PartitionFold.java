package org.losseval.spark;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.losseval.app.DataException;
import org.losseval.app.EvalRequest;
import org.losseval.app.InvalidRequestException;
import org.losseval.app.PartialRun;
import org.losseval.cli.Cli;
import org.losseval.io.InputException;

/**
 * What each partition runs: its rows, piece by piece (a run of rows of one file, {@link RowPieces}), through a
 * {@link PartialRun} of the request, and its encoded states as the partition's one result. The request travels as
 * the command line's own arguments and is parsed here again by the same parser, so an executor cannot hold
 * another request than the driver's (and the states' fingerprint would refuse it).
 */
final class PartitionFold implements FlatMapFunction<Iterator<InternalRow>, PartResult> {
    private static final long serialVersionUID = 1L;

    private final String[] args;
    private final List<String> names;
    /** Input path as the partitions' rows give it, normalized ({@link SparkInputs#key}), to its index in {@link #names}. */
    private final Map<String, Integer> inputOfPath;
    private final String format;
    private final ColumnPlan plan;
    private final int batchSize;
    /** The heap every part caps its budgets by (the driver's choice, {@link LossEval#partHeap}). */
    private final long maxHeapBytes;

    PartitionFold(String[] args, List<String> names, Map<String, Integer> inputOfPath, String format, ColumnPlan plan,
                  int batchSize, long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
        this.args = args.clone();
        this.names = List.copyOf(names);
        this.inputOfPath = Map.copyOf(inputOfPath);
        this.format = format;
        this.plan = plan;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<PartResult> call(Iterator<InternalRow> rows) throws InvalidRequestException {
        EvalRequest request = Cli.evalRequest(args);
        PartialRun part = new PartialRun(request, names, format, maxHeapBytes);
        RowPieces.Peeking peeking = new RowPieces.Peeking(rows);
        int input = -1;
        try {
            while (peeking.peek() != null) {
                String path = peeking.peek().getUTF8String(0).toString();
                Integer index = inputOfPath.get(SparkInputs.key(path));
                if (index == null) throw new IllegalStateException("a row of " + path + ", which is not among the inputs");
                input = index;
                part.read(input, new RowPieces(peeking, names.get(input), format, plan, batchSize));
            }
        } catch (DataException e) {
            return List.of(PartResult.ofError(input, (InputException) e.getCause())).iterator();
        }
        return List.of(PartResult.ofState(part.encode())).iterator();
    }
}
