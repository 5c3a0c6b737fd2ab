package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.losseval.cli.Cli;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;

/**
 * Losses whose states hold the same sums (mse and rmse) are fed once per input ({@link InputStates}), and each
 * still reports its own figures: the same bits as a run of that loss alone, which feeds its own state (the
 * reference: the path every other reference test holds to scikit-learn), in the run's totals and per input, with
 * and without weights, over batches of three rows (many batches), in either order of the two.
 */
class InputStatesSharingTest {
    private static final int BATCH = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mse,rmse,mae", "rmse,mae,mse", "mae,rmse,huber:delta=1,mse,pinball:q=0.9",
            "r2,mse,explained_variance,max_error,rmse,mae"})
    void eachLossReportsWhatItWouldAlone(String losses) throws Exception {
        for (boolean weighted : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("examples/sensors.csv", "examples/sensors.parquet", "-p", "pred",
                    "-t", "target", "-l", losses));
            if (weighted) args.addAll(List.of("--weight", "w"));
            Report together = run(args);
            for (int l = 0; l < together.losses().size(); l++) {
                String spec = together.losses().get(l).spec();
                List<String> aloneArgs = new ArrayList<>(args);
                aloneArgs.set(aloneArgs.indexOf(losses), spec);
                Report alone = run(aloneArgs);
                String what = spec + " of " + losses + (weighted ? ", weighted" : "");
                assertFigures(alone.losses().get(0), together.losses().get(l), what);
                for (int r = 0; r < alone.inputs().size(); r++) {
                    InputReport input = together.inputs().get(r);
                    assertFigures(alone.inputs().get(r).losses().get(0), input.losses().get(l), what + " in " + input.name());
                }
            }
            // rmse is the root of mse's mean, the same double: sqrt is correctly rounded.
            double mse = value(together, "mse");
            assertEquals(Double.doubleToLongBits(Math.sqrt(mse)), Double.doubleToLongBits(value(together, "rmse")));
        }
    }

    @Test
    void onlyTheFirstOfLossesWithTheSameSumsIsFed() throws Exception {
        EvalRequest request = Cli.evalRequest("examples/sensors.csv", "-p", "pred", "-t", "target", "-l",
                "mae,mse,rmse,huber:delta=1");
        InputStates states = new InputStates(RunPlan.of(request), "examples/sensors.csv", "csv");
        assertSame(states.rowLossState(1), states.rowLossState(2), "rmse is fed through mse");
        assertNotSame(states.rowLossState(0), states.rowLossState(1), "mae has its own");
        assertNotSame(states.rowLossState(1), states.rowLossState(3), "huber has its own");
        assertEquals("rmse", states.lossState(2).loss().spec(), "figures come from rmse's own state");
        assertNotSame(states.rowLossState(1), states.rowLossState(2), "settled: each is fed as its own from now on");
    }

    private static Report run(List<String> args) throws Exception {
        EvalRequest request = Cli.evalRequest(args.toArray(String[]::new));
        return new Evaluator(InputStream.nullInputStream(), "test", BATCH).evaluate(request);
    }

    private static double value(Report report, String spec) {
        return report.losses().stream().filter(l -> l.spec().equals(spec)).findFirst().orElseThrow().value();
    }

    private static void assertFigures(LossResult expected, LossResult actual, String what) {
        assertEquals(expected.spec(), actual.spec(), what);
        assertEquals(Double.doubleToLongBits(expected.value()), Double.doubleToLongBits(actual.value()), what + ": value");
        assertEquals(expected.count(), actual.count(), what + ": count");
        assertEquals(Double.doubleToLongBits(expected.weightSum()), Double.doubleToLongBits(actual.weightSum()),
                what + ": weight sum");
        assertEquals(expected.clamped(), actual.clamped(), what + ": clamped");
    }
}
