package org.losseval.app;

import org.losseval.report.Report;

/**
 * What runs an evaluation request: the command line's own reader ({@link Evaluator}), or another engine that
 * reads the inputs itself (Spark, through {@link PartialRun}s). The command line's options, output and exit
 * codes are the same whichever runs it.
 */
@FunctionalInterface
public interface Evaluation {
    /**
     * @throws InvalidRequestException before any data is read, for a request the run cannot carry out
     * @throws DataException           for unreadable input, a missing column, an invalid value, no usable rows
     * @throws OutputException         when an output the run writes itself cannot be written
     */
    Report evaluate(EvalRequest request) throws InvalidRequestException, DataException, OutputException;
}
