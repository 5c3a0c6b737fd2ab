package org.losseval.app;

import java.util.List;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.loss.RegressionLoss;

/**
 * Applies the invalid-value policy to a batch: a row is invalid when a value it needs is missing,
 * unparsable, NaN or infinite, when its weight is negative, or when a loss cannot take its prediction or
 * target. Under {@link InvalidPolicy#FAIL} the first invalid row ends the run with a message naming file,
 * row and column; under {@link InvalidPolicy#SKIP} invalid rows are removed from the batch and counted,
 * each once, under the first reason found (columns in the order pred, target, weight).
 */
final class RowValidator {
    private final String predColumn;
    private final String targetColumn;
    private final String weightColumn;
    private final List<RegressionLoss> losses;
    private final InvalidPolicy policy;
    private boolean[] keep = new boolean[0];

    RowValidator(String predColumn, String targetColumn, String weightColumn, List<RegressionLoss> losses,
                 InvalidPolicy policy) {
        this.predColumn = predColumn;
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.losses = List.copyOf(losses);
        this.policy = policy;
    }

    /** Removes (or rejects) the invalid rows of the batch and counts the skipped ones in {@code tally}. */
    void apply(ColumnBatch batch, RowTally tally) throws InputException {
        int n = batch.size();
        if (keep.length < n) keep = new boolean[n];
        double[] pred = batch.column(predColumn);
        double[] target = batch.column(targetColumn);
        double[] weight = weightColumn == null ? null : batch.column(weightColumn);
        boolean allValid = true;
        for (int i = 0; i < n; i++) {
            // The common case, all values finite and in every domain, costs one test per value.
            Problem problem = check(batch, i, pred[i], target[i], weight == null ? 1.0 : weight[i]);
            keep[i] = problem == null;
            if (problem != null) {
                allValid = false;
                if (policy == InvalidPolicy.FAIL) {
                    throw new InputException(batch.source(), batch.rowNumber(i), problem.column, problem.detail);
                }
                tally.skipped(problem.reason);
            }
        }
        if (!allValid) batch.retain(keep);
    }

    /**
     * @param reason the skip reason counted in the report, e.g. "not a number"
     * @param detail the message for a failed run, e.g. "not a number: 'abc'"
     */
    private record Problem(String column, String reason, String detail) {
        Problem(String column, String reason) {
            this(column, reason, reason);
        }
    }

    private Problem check(ColumnBatch batch, int i, double pred, double target, double weight) {
        Problem problem = valueProblem(batch, i, predColumn, pred);
        if (problem != null) return problem;
        problem = valueProblem(batch, i, targetColumn, target);
        if (problem != null) return problem;
        if (weightColumn != null) {
            problem = valueProblem(batch, i, weightColumn, weight);
            if (problem != null) return problem;
            if (weight < 0) return new Problem(weightColumn, "negative weight");
        }
        for (RegressionLoss loss : losses) {
            String reason = loss.invalidPred(pred);
            if (reason != null) return new Problem(predColumn, reason);
            reason = loss.invalidTarget(target);
            if (reason != null) return new Problem(targetColumn, reason);
        }
        return null;
    }

    private static Problem valueProblem(ColumnBatch batch, int i, String column, double value) {
        if (Double.isFinite(value)) return null;
        if (Double.isNaN(value)) {
            CellIssue issue = batch.issueAt(i, column);
            if (issue == null) return new Problem(column, "NaN value");
            String reason = issue.problem().description();
            return new Problem(column, reason, issue.text() == null ? reason : reason + ": '" + issue.text() + "'");
        }
        return new Problem(column, "infinite value");
    }
}
