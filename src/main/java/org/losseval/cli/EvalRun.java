package org.losseval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.losseval.app.BuildInfo;
import org.losseval.app.DataException;
import org.losseval.app.EvalRequest;
import org.losseval.app.Evaluation;
import org.losseval.app.Evaluator;
import org.losseval.app.InvalidRequestException;
import org.losseval.app.OutputException;
import org.losseval.app.ReadProgress;
import org.losseval.format.GateWording;
import org.losseval.loss.LossSpecException;
import org.losseval.report.GateOutcome;
import org.losseval.report.Report;

/**
 * Carries out {@code losseval eval}: converts the options, runs the evaluator, writes the report, says on
 * stderr which gates failed, and maps what happened to an exit code through {@link Outcome} and
 * {@link Failure}, pure functions of the report or the exception.
 */
final class EvalRun {
    /** The options, converted; may refuse them (a usage error). */
    interface Conversion {
        EvalJob convert() throws UsageException, LossSpecException;
    }

    private final CliContext context;
    private final Evaluation evaluation;
    /** The progress line on a terminal's stderr, or null (not a terminal, or --quiet). */
    private final ProgressLine progress;

    /** @param quiet --quiet: no progress line even on a terminal */
    EvalRun(CliContext context, boolean quiet) {
        this(context, context.progress() && !quiet ? new ProgressLine(context.err(), context.nanoClock()) : null);
    }

    /** A run by another engine ({@code engine}, which draws no progress line); null for the command line's own. */
    static EvalRun of(CliContext context, boolean quiet, Evaluation engine) {
        return engine == null ? new EvalRun(context, quiet) : new EvalRun(context, engine);
    }

    private EvalRun(CliContext context, ProgressLine progress) {
        this(context, new Evaluator(context.stdin(), BuildInfo.version(),
                progress == null ? ReadProgress.NONE : progress), progress);
    }

    EvalRun(CliContext context, Evaluation evaluation) {
        this(context, evaluation, null);
    }

    /** @param progress the line {@code evaluation} draws, blanked when it returns; or null */
    EvalRun(CliContext context, Evaluation evaluation, ProgressLine progress) {
        this.context = context;
        this.evaluation = evaluation;
        this.progress = progress;
    }

    int execute(Conversion conversion, boolean debug) {
        PrintWriter err = context.err();
        try {
            EvalJob job = conversion.convert();
            Report report;
            try {
                report = evaluation.evaluate(job.request());
            } finally {
                // Before the report, a failed gate's line or an error message: none is written over it.
                if (progress != null) progress.clear();
            }
            job.output().write(report, context.out());
            IOException stdoutError = job.output().toStdout() ? context.stdoutError().get() : null;
            for (GateOutcome gate : report.gates()) {
                if (!gate.passed()) err.println("losseval: " + GateWording.failedLine(gate));
            }
            Outcome outcome = Outcome.of(report.gatesPassed(), stdoutError);
            if (outcome == Outcome.OUTPUT_ERROR) err.println("losseval: " + Failure.ofStdout("the report", stdoutError).message());
            return ExitCodes.of(outcome);
        } catch (Exception | Error e) {
            // Errors too: an OutOfMemoryError says what to change (exit 3); any other is a bug (exit 70).
            Failure failure = Failure.of(e);
            err.println("losseval: " + failure.message());
            if (debug) e.printStackTrace(err);
            return ExitCodes.of(failure.outcome());
        } finally {
            err.flush();
        }
    }
}
