package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.loss.Role;

/**
 * The column-by-column check of a batch ({@link RowValidator#allFinite} and the batch-wide path of runs whose
 * rows are valid by their values alone) finds exactly what the row-by-row check finds: against
 * {@link Double#isFinite} at awkward sizes with every kind of special value at every position, and through
 * {@link RowValidator#apply}, which names the first problem in row order whichever column holds it.
 */
class RowValidatorTest {
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0x7FF0000000000001L), Double.longBitsToDouble(0xFFF8000000000000L)};
    private static final double[] ORDINARY = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
            Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -2.5, Math.nextDown(Double.POSITIVE_INFINITY)};

    @Test
    void allFiniteAgreesWithIsFinite() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n : new int[] {0, 1, 7, 8, 9, 63, 65, 1023, 4099}) {
            double[] values = new double[n + 3];
            for (int i = 0; i < values.length; i++) values[i] = ORDINARY[random.nextInt(ORDINARY.length)];
            // beyond n: never read
            values[n] = Double.NaN;
            assertEquals(true, RowValidator.allFinite(values, n), "ordinary values, n = " + n);
            for (int at = 0; at < n; at += Math.max(1, n / 17)) {
                for (double special : SPECIAL) {
                    double[] copy = values.clone();
                    copy[at] = special;
                    assertEquals(reference(copy, n), RowValidator.allFinite(copy, n), special + " at " + at + " of " + n);
                }
            }
        }
    }

    @Test
    void theFirstProblemInRowOrderIsNamedWhicheverColumnHoldsIt() throws InputException {
        // row 3 (index 2) has a negative weight, row 5 an infinite target: the weight is the first problem
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("pred", new double[] {1, 2, 3, 4, 5, 6});
        columns.put("target", new double[] {1, 2, 3, 4, Double.NEGATIVE_INFINITY, 6});
        columns.put("w", new double[] {1, -0.0, -1e-300, 1, 1, 1});
        RowValidator fail = validator("w", InvalidPolicy.FAIL);
        InputException e = assertThrows(InputException.class,
                () -> fail.apply(new ColumnBatch("f.csv", 1, 6, columns, List.of()), null, new RowTally()));
        assertEquals(3, e.row());
        assertEquals("w", e.column());
        assertEquals("negative weight", e.detail());

        RowValidator skip = validator("w", InvalidPolicy.SKIP);
        ColumnBatch batch = new ColumnBatch("f.csv", 1, 6, columns, List.of());
        RowTally tally = new RowTally();
        skip.apply(batch, null, tally);
        assertEquals(Map.of("negative weight", 1L, "infinite value", 1L), tally.skippedByReason());
        assertEquals(4, batch.size());
        assertArrayEquals(new double[] {1, 2, 4, 6}, Arrays.copyOf(batch.column("pred"), 4));
    }

    @Test
    void aBatchOfValidRowsIsKeptWhole() throws InputException {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("pred", ORDINARY.clone());
        columns.put("target", ORDINARY.clone());
        ColumnBatch batch = new ColumnBatch("f.csv", 1, ORDINARY.length, columns, List.of());
        RowTally tally = new RowTally();
        validator(null, InvalidPolicy.FAIL).apply(batch, null, tally);
        assertEquals(ORDINARY.length, batch.size());
        assertEquals(Map.of(), tally.skippedByReason());
    }

    private static RowValidator validator(String weight, InvalidPolicy policy) {
        List<String> read = weight == null ? List.of("pred", "target") : List.of("pred", "target", weight);
        return new RowValidator(read, weight, Map.of(Role.PRED, List.of("pred"), Role.TARGET, List.of("target")),
                List.of(), List.of(), policy);
    }

    private static boolean reference(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) return false;
        }
        return true;
    }
}
