package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ParquetRanges#cut}: ranges of whole row groups with about equal rows, worked out by hand. */
class ParquetRangesTest {
    private static ParquetSource.RowGroupRange range(int first, int end, long rowsBefore) {
        return new ParquetSource.RowGroupRange(first, end, rowsBefore);
    }

    @Test
    void equalRowGroupsAreSharedEvenly() {
        // 4 x 100 rows in 2 parts: the first reaches 200 = 400 * 1/2 after group 2.
        assertEquals(List.of(range(0, 2, 0), range(2, 4, 200)), ParquetRanges.cut(new long[] {100, 100, 100, 100}, 2));
        // In 3 parts: 1/3 of 400 is reached after group 2 (200 rows), 2/3 after group 3 (300 rows).
        assertEquals(List.of(range(0, 2, 0), range(2, 3, 200), range(3, 4, 300)),
                ParquetRanges.cut(new long[] {100, 100, 100, 100}, 3));
    }

    @Test
    void emptyRowGroupsStayInTheRangeTheyFallIn() {
        // Leading empty groups go with the first range, trailing ones with the last; no range is rowless.
        assertEquals(List.of(range(0, 3, 0), range(3, 6, 50)), ParquetRanges.cut(new long[] {0, 0, 50, 0, 50, 0}, 2));
    }

    @Test
    void aLargeRowGroupMakesFewerRanges() {
        // 1/3 of 1000 is first reached after group 1 (900 rows), past 2/3 too; group 2 is the last range.
        assertEquals(List.of(range(0, 2, 0), range(2, 3, 900)), ParquetRanges.cut(new long[] {100, 800, 100}, 3));
        // The shares are reached only at the last row: one range, which plan() does not split.
        assertEquals(List.of(range(0, 2, 0)), ParquetRanges.cut(new long[] {1, 999}, 3));
        // All rows in one group (the others empty): one range, which plan() does not split.
        assertEquals(List.of(range(0, 3, 0)), ParquetRanges.cut(new long[] {0, 10, 0}, 2));
        assertEquals(List.of(), ParquetRanges.cut(new long[] {0, 0}, 2));
    }
}
